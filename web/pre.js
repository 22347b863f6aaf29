// Runs inside the Emscripten module scope (linked with --pre-js), where HEAPU8 is the live view of
// wasm memory even after it grows. File bytes are copied into malloc'ed memory, never passed as
// 'string' arguments (those are copied onto the 1 MB stack).
Module['dvAddFile'] = function (name, bytes, unreadable) {
  var nameLen = lengthBytesUTF8(name) + 1;
  var namePtr = _malloc(nameLen);
  stringToUTF8(name, namePtr, nameLen);
  var len = unreadable ? 0 : bytes.length;
  var dataPtr = _malloc(Math.max(len, 1));
  if (!dataPtr) {
    _free(namePtr);
    throw new Error('out of memory reading ' + name);
  }
  if (len) HEAPU8.set(bytes, dataPtr);
  _dv_add_file(namePtr, dataPtr, len);
  _free(dataPtr);
  _free(namePtr);
};

// Benchmark hook (bench/web): parses bytes with the same parser the viewer uses, returns ms.
Module['dvBenchParse'] = function (bytes) {
  var ptr = _malloc(Math.max(bytes.length, 1));
  HEAPU8.set(bytes, ptr);
  var ms = _dv_bench_parse(ptr, bytes.length);
  _free(ptr);
  return ms;
};
