// A BibTeX entry for a paper, for "Copy BibTeX" in the detail pane.
#pragma once

#include <string>

#include "model.h"

namespace dv {

// @misc{<key>, title, author (" and "-joined), year, eprint/archivePrefix when there is an arXiv
// id, url}. Braces and backslashes in fields are escaped so the entry always parses.
std::string bibtex_entry(const Paper& p);

}  // namespace dv
