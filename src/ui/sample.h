// The one-click sample: two short digests written for this project (titles, ids, votes and
// authors are public facts from the Hugging Face Daily Papers pages; the summaries are our own
// words), so a first visit never shows an empty screen.
#pragma once

#include <vector>

namespace dv {

struct SampleFile {
    const char* name;
    const char* text;
};

const std::vector<SampleFile>& sample_files();

}  // namespace dv
