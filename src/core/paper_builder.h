// Building a Paper: fields are gathered as ordinary strings while a block is read, then packed
// into the paper's one-allocation text arena in the order model.h documents.
#pragma once

#include <string>
#include <vector>

#include "model.h"

namespace dv {

struct SummaryDraft {
    std::string label;
    std::string text;
    uint8_t level = 0;
};

struct PaperDraft {
    std::string arxiv_id;   // empty = null
    std::string title;
    std::string url;        // empty = null
    std::string thumbnail;  // empty = null
    std::vector<std::string> authors;
    std::vector<SummaryDraft> summary;
    int32_t date = kNoDate;
    int32_t votes = kNoVotes;
    uint32_t line = 0;
};

Paper build_paper(const PaperDraft& d);
// The inverse, for export and tests.
PaperDraft draft_of(const Paper& p);

}  // namespace dv
