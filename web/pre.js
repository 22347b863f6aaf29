// Runs inside the Emscripten module scope (linked with --pre-js), where HEAPU8 is the live view of
// wasm memory even after it grows. Every string and byte array the page hands to wasm goes
// through here: copied into malloc'ed memory, never passed as 'string' arguments (those are
// copied onto the 1 MB stack), freed after the call.

// The one way a JS string reaches wasm: UTF-8 in malloc'ed memory for the length of fn(ptr).
function dvWithString(text, fn) {
  var n = lengthBytesUTF8(text) + 1;
  var p = _malloc(n);
  if (!p) throw new Error('out of memory passing a string of ' + n + ' bytes');
  stringToUTF8(text, p, n);
  try { return fn(p); } finally { _free(p); }
}

// Bytes the same way (a 1-byte block for none, so the pointer is never null).
function dvWithBytes(bytes, fn) {
  var len = bytes ? bytes.length : 0;
  var p = _malloc(Math.max(len, 1));
  if (!p) throw new Error('out of memory passing ' + len + ' bytes');
  if (len) HEAPU8.set(bytes, p);
  try { return fn(p, len); } finally { _free(p); }
}

// bytes === null: the browser could not read the file (passed as length -1). Returns what the
// viewer did with it, as src/core/library.h's AddResult::Kind (0 added ... 4 rejected).
Module['dvAddFile'] = function (name, bytes) {
  return dvWithString(name, function (namePtr) {
    return dvWithBytes(bytes, function (dataPtr, len) { return _dv_add_file(namePtr, dataPtr, bytes ? len : -1); });
  });
};
// The same for a file of a large drop, parsed now and committed by _dv_finish_load.
Module['dvStageFile'] = function (name, bytes) {
  return dvWithString(name, function (namePtr) {
    return dvWithBytes(bytes, function (dataPtr, len) { return _dv_stage_file(namePtr, dataPtr, bytes ? len : -1); });
  });
};
Module['dvRefuseLarge'] = function (name, size) { dvWithString(name, function (p) { _dv_refuse_large(p, size); }); };
// One Hugging Face request ended (web/shell.js DV.hfRequest): strings and the body through the
// same marshalling; body === null: none (passed as length -1).
Module['dvHfAttempt'] = function (gen, index, net, detail, status, retryAfter, body) {
  return dvWithString(detail, function (d) {
    return dvWithString(retryAfter, function (r) {
      return dvWithBytes(body, function (b, len) { _dv_hf_attempt(gen, index, net, d, status, r, b, body ? len : -1); });
    });
  });
};
Module['dvSetHash'] = function (hash) { dvWithString(hash, function (p) { _dv_set_hash(p); }); };
Module['dvInputText'] = function (text) { dvWithString(text, function (p) { _dv_input_text(p); }); };
Module['dvTriageLoad'] = function (text) { return dvWithString(text, function (p) { return _dv_triage_load(p); }); };
Module['dvTriageStorageFailed'] = function (why) { dvWithString(why, function (p) { _dv_triage_storage_failed(p); }); };

// Benchmark hook (bench/web): parses bytes with the same parser the viewer uses, returns ms.
Module['dvBenchParse'] = function (bytes) {
  return dvWithBytes(bytes, function (p, len) { return _dv_bench_parse(p, len); });
};
