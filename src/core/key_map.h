// The library's one hash map: string_view -> uint32_t, open addressing, no allocation per key.
// An unordered_map node per paper costs a third of a rebuild at 100k papers, and every table the
// rebuild needs (papers by id, by url, by date+title; authors by name) has this shape.
//
// Ownership: the map stores views, not copies. Every key must outlive the map (keys here point
// into papers' text arenas, which live as long as their LoadedFile).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace dv {

// 64-bit hash of bytes (a strong mix: keys are ids and titles that share long prefixes).
inline uint64_t hash_bytes(std::string_view s) {
    const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
    size_t n = s.size();
    uint64_t h = 0x243F6A8885A308D3ull ^ (n * 0x9E3779B97F4A7C15ull);
    auto mix = [](uint64_t x) {
        x ^= x >> 31;
        x *= 0x7FB5D329728EA185ull;
        x ^= x >> 27;
        x *= 0x81DADEF4BC2DD44Dull;
        x ^= x >> 33;
        return x;
    };
    while (n >= 8) {
        uint64_t k;
        std::memcpy(&k, p, 8);
        h = (h ^ mix(k)) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    uint64_t k = 0;
    if (n) std::memcpy(&k, p, n);
    h = (h ^ mix(k ^ (uint64_t(n) << 56))) * 0x9E3779B97F4A7C15ull;
    return mix(h);
}

class KeyMap {
public:
    static constexpr uint32_t kMissing = UINT32_MAX;

    KeyMap() { reset(0); }
    explicit KeyMap(size_t expected) { reset(expected); }

    void reset(size_t expected) {
        size_t cap = 16;
        while (cap < expected * 2) cap <<= 1;
        cells_.assign(cap, 0);
        mask_ = cap - 1;
        keys_.clear();
        vals_.clear();
        keys_.reserve(expected);
        vals_.reserve(expected);
    }

    // The value of k, inserting v first if k is new.
    uint32_t get_or_insert(std::string_view k, uint32_t v) {
        if ((keys_.size() + 1) * 2 > cells_.size()) grow();
        const uint64_t h = hash_bytes(k);
        const uint32_t tag = uint32_t(h >> 32) | 1;  // cells hold (tag << 32) | key index; 0 = empty
        for (size_t i = size_t(h) & mask_;; i = (i + 1) & mask_) {
            const uint64_t c = cells_[i];
            if (c == 0) {
                cells_[i] = (uint64_t(tag) << 32) | keys_.size();
                keys_.push_back(k);
                vals_.push_back(v);
                return v;
            }
            if (uint32_t(c >> 32) == tag && keys_[uint32_t(c)] == k) return vals_[uint32_t(c)];
        }
    }

    // The value of k, or kMissing.
    uint32_t find(std::string_view k) const {
        if (keys_.empty()) return kMissing;
        const uint64_t h = hash_bytes(k);
        const uint32_t tag = uint32_t(h >> 32) | 1;
        for (size_t i = size_t(h) & mask_;; i = (i + 1) & mask_) {
            const uint64_t c = cells_[i];
            if (c == 0) return kMissing;
            if (uint32_t(c >> 32) == tag && keys_[uint32_t(c)] == k) return vals_[uint32_t(c)];
        }
    }

    size_t size() const { return keys_.size(); }
    std::string_view key(size_t i) const { return keys_[i]; }  // in insertion order

private:
    void grow() {
        std::vector<uint64_t> old;
        old.swap(cells_);
        cells_.assign(old.size() * 2, 0);
        mask_ = cells_.size() - 1;
        for (uint64_t c : old) {
            if (c == 0) continue;
            size_t i = size_t(hash_bytes(keys_[uint32_t(c)])) & mask_;
            while (cells_[i]) i = (i + 1) & mask_;
            cells_[i] = c;
        }
    }
    std::vector<uint64_t> cells_;
    size_t mask_ = 0;
    std::vector<std::string_view> keys_;
    std::vector<uint32_t> vals_;
};

}  // namespace dv
