// What the URL hash holds: query, sort, day and selected paper, so a link restores a view and the
// browser's back/forward walk through them. Pure string functions, tested natively.
#pragma once

#include <string>
#include <string_view>

#include "model.h"
#include "query.h"

namespace dv {

struct ViewState {
    std::string query;
    Sort sort;
    int32_t day = kNoDate;      // the day view's day; kNoDate = list view
    std::string paper;          // arXiv id (or other entry key) of the selected paper; "" = none
    bool charts = false;
    std::string period;         // the period view's "2024-W23" / "2024-06" (period.h); "" = none
};

// "#q=diffusion%20%EB%AA%A8%EB%8D%B8&sort=votes&dir=desc&day=2024-06-06&p=2406.02539"
// (keys with default values are left out; an empty state is "").
std::string encode_view_state(const ViewState& v);
// Accepts the string with or without the leading '#'. Unknown keys and bad values are ignored.
ViewState decode_view_state(std::string_view hash);

std::string percent_encode(std::string_view s);
std::string percent_decode(std::string_view s);

}  // namespace dv
