// A page's aliases (its old addresses) get redirect pages. An alias naming an
// address the site still has would overwrite that page, so it is reported at the
// alias's line, as a clashing slug: is.
#include <map>

#include "site_impl.h"
#include "urls.h"

namespace kyodo {

void Site::Impl::DropClashingAliases(std::vector<Job>* jobs, Diagnostics* diags) {
  // Output file → what writes it, for the message.
  std::map<std::string, std::string> taken;
  for (size_t c = 0; c < content_.cities.size(); ++c) {
    const City& city = content_.cities[c];
    for (size_t p = 0; p < city.pages.size(); ++p) {
      PageRef ref{static_cast<int>(c), static_cast<int>(p)};
      taken.emplace(Urls::FileOf(index_->PathOf(content_, ref)), city.pages[p].source);
    }
  }
  for (const Job& job : *jobs) {
    if (job.tmpl != "redirect") taken.emplace(Urls::FileOf(job.path), "");
  }
  std::set<std::string> clashing;
  for (const City& city : content_.cities) {
    for (const Page& page : city.pages) {
      for (const Located& alias : page.aliases) {
        auto [it, added] = taken.emplace(Urls::FileOf(alias.value), page.source);
        if (added) continue;
        clashing.insert(alias.value);
        diags->Error(alias.loc,
                     "aliases の「/" + alias.value + "」は、" +
                         (it->second.empty() ? std::string("このサイトにあるページ") : it->second + " のページ") +
                         "のアドレスと同じです",
                     "aliases には、もう使っていない古いアドレスだけを書いてください");
      }
    }
  }
  std::erase_if(*jobs, [&](const Job& job) { return job.tmpl == "redirect" && clashing.count(job.path); });
}

}  // namespace kyodo
