// Applying one edit to a built site (kyodo serve): find what the changed files
// affect and render only that, straight into the output folder.
#include <algorithm>
#include <chrono>
#include <functional>

#include "content_loader.h"
#include "form.h"
#include "links.h"
#include "page_loader.h"
#include "site_impl.h"
#include "source.h"
#include "views.h"

namespace kyodo {

namespace {

// What lists and indexes show of a page. When it is unchanged, an edit only
// changes the page itself; when only the shown text changes, the pages showing
// it; otherwise the lists it is (or was) in. Dates are compared as written, precision
// included: lists show 2024年4月 and 2024年4月1日 differently.
struct Listing {
  std::string title, summary;
  std::optional<Date> updated;
  bool operator==(const Listing&) const = default;
};
struct Placement {
  std::optional<Date> date;
  std::vector<int> modes, fields, actors, groups_fields;
  std::optional<int> partnership;
  std::vector<std::string> groups;
  std::string area, kana, parent, kind;
  std::optional<Period> period;
  int weight = 0;
  bool operator==(const Placement&) const = default;
};

Listing ListingOf(const Page& p) { return {p.title, p.summary, p.updated}; }

std::vector<std::string> AliasPaths(const Page& p) {
  std::vector<std::string> out;
  for (const Located& alias : p.aliases) out.push_back(alias.value);
  return out;
}

Placement PlacementOf(const Page& p) {
  Placement out;
  out.date = p.date;
  out.modes = p.case_info.modes;
  out.fields = p.case_info.fields;
  out.actors = p.case_info.actors;
  out.partnership = p.case_info.partnership;
  for (const Located& g : p.case_info.groups) out.groups.push_back(g.value);
  out.groups_fields = p.group.fields;
  out.area = p.group.area;
  out.kana = p.group.kana;
  out.parent = p.policy.parent.value;
  out.kind = p.policy.kind;
  out.period = p.policy.period;
  out.weight = p.weight;
  return out;
}

}  // namespace

bool Site::Impl::Update(const std::vector<std::string>& changed, UpdateResult* result, Diagnostics* diags,
                        const std::function<void(const UpdateResult&)>& pages_written) {
  auto start = std::chrono::steady_clock::now();
  std::vector<std::string> pages, forms;
  bool full = !loaded_ok_;  // the last attempt failed: start again from the files
  for (const std::string& path : changed) {
    if (IsUnder(path, options_.templates_dir) || IsUnder(path, options_.themes_dir)) {
      full = true;  // templates and theme files are used by every page
    } else if (IsUnder(path, options_.content_dir)) {
      std::string rel = path.substr(options_.content_dir.size() + 1);
      bool in_kind_dir = false;
      for (PageKind kind : {PageKind::kPolicy, PageKind::kCase, PageKind::kGroup, PageKind::kNews, PageKind::kPage}) {
        in_kind_dir = in_kind_dir || rel.find(std::string("/") + KindDir(kind) + "/") != std::string::npos;
      }
      if (in_kind_dir && path.ends_with(".md")) {
        pages.push_back(path);
      } else if (rel.find("/forms/") != std::string::npos && path.ends_with(".yaml")) {
        forms.push_back(path);
      } else {
        full = true;  // site.yaml, orgs.yaml, vocabularies, bulk groups, assets: felt everywhere
      }
    }
  }
  bool ok = true;
  if (full) {
    ok = FullUpdate(result, diags);
    if (ok && pages_written) pages_written(*result);
  } else {
    std::set<std::string> outputs;
    InPlaceWriter writer(disk_, options_.out_dir);
    writer.Hold();
    sink_ = &writer;
    in_place_ = &writer;
    // A page that was added, removed or renamed changes the index itself: start over.
    ok = UpdatePages(pages, &outputs, diags) && UpdateForms(forms, &outputs, diags);
    if (ok && outputs.count("*")) {
      sink_ = nullptr;
      ok = FullUpdate(result, diags);
      if (ok && pages_written) pages_written(*result);
    } else if (ok) {
      int before = pages_.load();
      RenderOutputs(outputs, diags);
      if (Fails(*diags)) {
        writer.Abort();
        loaded_ok_ = false;  // the refused edit is in memory: the next save starts from the files
      } else {
        ok = writer.Commit(diags);
      }
      result->rendered = pages_.load() - before;
      result->ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      result->changed = writer.changed();
      // The edited pages are on disk: the browser can reload while the slower
      // site-wide files (search index, open data, feeds) are brought up to date.
      if (pages_written && !Fails(*diags)) pages_written(*result);
      if (outputs.count("#global") && !Fails(*diags)) WriteGlobal(diags);
      result->changed = writer.changed();
    }
    sink_ = nullptr;
    in_place_ = nullptr;
  }
  if (result->ms == 0) {
    result->ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  }
  return ok && !Fails(*diags);
}

// Everything again from the files, written in place; files the site no longer has are removed.
bool Site::Impl::FullUpdate(UpdateResult* result, Diagnostics* diags) {
  result->full = true;
  loaded_ok_ = false;
  Load(diags);
  if (Fails(*diags)) {
    // As kyodo build does: the pages still render into nothing, so the browser shows
    // every problem of the save at once (a dangling link beside a wrong date).
    NullSink nothing;
    RenderAll(&nothing, diags);
    sink_ = nullptr;
    return false;
  }
  if (!output_known_ && !AdoptOutputFolder(diags)) return false;
  InPlaceWriter writer(disk_, options_.out_dir);
  writer.Hold();
  pages_ = 0;
  RenderAll(&writer, diags);
  sink_ = nullptr;
  if (Fails(*diags)) {
    writer.Abort();
    return false;
  }
  if (!writer.Commit(diags)) return false;
  std::set<std::string> written = writer.written();
  for (const std::string& old : output_files_) {
    if (!written.count(old) && old != SiteWriter::kMarker) writer.Remove(old);
  }
  output_files_ = std::move(written);
  output_known_ = true;
  result->changed = writer.changed();
  result->rendered = pages_.load();
  loaded_ok_ = true;
  return true;
}

// The first build of this session published nothing (a content error, or a folder
// that is not kyodo's): before writing in place, check the folder as kyodo build
// does, mark it as kyodo's, and take its files for the old site's, so what a fresh
// build would not have is removed.
bool Site::Impl::AdoptOutputFolder(Diagnostics* diags) {
  std::string out = options_.out_dir;
  if (!SiteWriter::CheckFolder(*disk_, &out, diags)) return false;
  std::string err;
  if (!disk_->Exists(JoinPath(out, SiteWriter::kMarker)) && !disk_->WriteFile(JoinPath(out, SiteWriter::kMarker), "", &err)) {
    diags->Error({out, 0, 0}, "書き込めません: " + err);
    return false;
  }
  std::function<void(const std::string&)> walk = [&](const std::string& rel) {
    for (const std::string& name : disk_->ListDir(JoinPath(out, rel))) {
      std::string path = rel.empty() ? name : rel + "/" + name;
      if (disk_->Stat(JoinPath(out, path)) == FileKind::kDir) {
        walk(path);
      } else if (path != SiteWriter::kMarker) {
        output_files_.insert(path);
      }
    }
  };
  walk("");
  return true;
}

// Reloads each edited Markdown file and collects the outputs to render again.
// Adds "*" to `outputs` when only a full rebuild will do.
bool Site::Impl::UpdatePages(const std::vector<std::string>& sources, std::set<std::string>* outputs,
                             Diagnostics* diags) {
  std::vector<PageRef> rerender;
  bool reindex = false;
  std::vector<PageRef> moved;  // pages whose place in lists changed
  std::vector<Page> old_pages;
  for (const std::string& source : sources) {
    const PageRef* found = index_->FindBySource(source);
    if (!found || disk_->Stat(source) != FileKind::kFile) {
      outputs->insert("*");
      return true;
    }
    PageRef ref = *found;
    City& city = content_.cities[static_cast<size_t>(ref.city)];
    Page& page = city.pages[static_cast<size_t>(ref.page)];
    Diagnostics d;
    auto text = ReadSource(*disk_, source, &d);
    std::optional<Page> fresh = text ? LoadPage(source, page.kind, *text, city.vocab, &reading_, &d) : std::nullopt;
    // References a single file cannot check are checked the same way a build does.
    if (fresh) {
      CheckPageReferences(city, *fresh, &d);
      ForEachFileReference(city, *fresh, FileReferenceChecker(content_, *index_, &d));
    }
    diags->Append(d);
    if (!fresh || Fails(d)) return false;
    // New or dropped aliases add or remove redirect pages, which only a full pass
    // writes and cleans up.
    if (fresh->id != page.id || fresh->draft != page.draft || AliasPaths(*fresh) != AliasPaths(page)) {
      outputs->insert("*");
      return true;
    }
    old_pages.push_back(page);
    fresh->summary_derived = fresh->summary.empty();
    page = std::move(*fresh);
    rerender.push_back(ref);
    if (!(PlacementOf(old_pages.back()) == PlacementOf(page))) {
      reindex = true;
      moved.push_back(ref);
    }
  }
  if (reindex) *index_ = SiteIndex::Build(content_);
  RenderContent(rerender, diags);  // the summary of a page without one comes from its new body
  for (size_t i = 0; i < rerender.size(); ++i) {
    const PageRef& ref = rerender[i];
    const Page& page = content_.cities[static_cast<size_t>(ref.city)].pages[static_cast<size_t>(ref.page)];
    bool listed_differently = !(ListingOf(old_pages[i]) == ListingOf(page));
    if (listed_differently || std::find(moved.begin(), moved.end(), ref) != moved.end()) {
      for (const std::string& out : deps_.OutputsUsing(ref)) outputs->insert(out);
      outputs->insert("#global");  // feeds, open data and search show titles and summaries
    }
  }
  for (size_t i = 0; i < rerender.size(); ++i) {
    const PageRef& ref = rerender[i];
    if (std::find(moved.begin(), moved.end(), ref) == moved.end()) continue;
    // Its lists may have gained or lost it, or reordered: the city's and the portal's,
    // and the group pages it was or is listed on.
    outputs->insert("#lists:" + std::to_string(ref.city));
    outputs->insert("#lists:-1");
    const City& city = content_.cities[static_cast<size_t>(ref.city)];
    for (const Page* p : {static_cast<const Page*>(&old_pages[i]), &city.pages[static_cast<size_t>(ref.page)]}) {
      for (const Located& g : p->case_info.groups) {
        if (const Page* group = city.FindPage(PageKind::kGroup, g.value)) outputs->insert(PagePath(city, *group));
      }
      // A policy's parent lists it: the parent it left and the one it joined.
      if (!p->policy.parent.value.empty()) {
        if (const Page* parent = city.FindPage(PageKind::kPolicy, p->policy.parent.value)) {
          outputs->insert(PagePath(city, *parent));
        }
      }
    }
  }
  for (const PageRef& ref : rerender) outputs->erase(index_->PathOf(content_, ref));  // already rendered
  if (!rerender.empty()) outputs->insert("#global");  // the search index holds the page's text
  return true;
}

bool Site::Impl::UpdateForms(const std::vector<std::string>& sources, std::set<std::string>* outputs,
                             Diagnostics* diags) {
  for (const std::string& source : sources) {
    bool found = false;
    for (size_t c = 0; c < content_.cities.size() && !found; ++c) {
      City& city = content_.cities[c];
      for (Form& form : city.forms) {
        if (form.source != source) continue;
        found = true;
        Diagnostics d;
        auto text = disk_->Stat(source) == FileKind::kFile ? ReadSource(*disk_, source, &d) : std::nullopt;
        std::optional<Form> fresh = text ? LoadForm(source, *text, &d) : std::nullopt;
        if (fresh) {
          CheckContact(city, fresh->contact, &d);
          ForEachFileReference(city, *fresh, FileReferenceChecker(content_, *index_, &d));
        }
        diags->Append(d);
        if (!text) {
          outputs->insert("*");  // removed
          return true;
        }
        if (!fresh || Fails(d)) return false;
        // A new weight reorders the city's forms (sorted once, at load): start over.
        if (fresh->id != form.id || fresh->draft != form.draft || fresh->weight != form.weight) {
          outputs->insert("*");
          return true;
        }
        form = std::move(*fresh);
        outputs->insert(FormPath(city, form));
        outputs->insert("#forms:" + std::to_string(c));
        outputs->insert("#global");
      }
    }
    if (!found) {
      outputs->insert("*");  // a new form
      return true;
    }
  }
  return true;
}

// Renders the outputs named in `outputs`: page paths, plus "#lists:<city>" (every
// page of a city that lists pages, -1 = the portal), "#forms:<city>" (its forms
// list and top) and "#global" (open data, feeds, sitemap, search index).
void Site::Impl::RenderOutputs(const std::set<std::string>& outputs, Diagnostics* diags) {
  std::set<std::string> names;
  std::set<int> list_cities, form_cities;
  for (const std::string& o : outputs) {
    if (o.rfind("#lists:", 0) == 0) {
      list_cities.insert(std::stoi(o.substr(7)));
    } else if (o.rfind("#forms:", 0) == 0) {
      int c = std::stoi(o.substr(7));
      form_cities.insert(c);
      names.insert(FormListPath(*ctx_, c));
      names.insert(FormListPath(*ctx_, -1));
      names.insert(content_.cities[static_cast<size_t>(c)].site.slug + "/");
    } else if (o[0] != '#') {
      names.insert(o);
    }
  }
  std::vector<Job> jobs;
  std::map<int, std::set<std::string>> lists_now;  // the list pages of each city in list_cities
  auto pick = [&](std::vector<Job> all, int city) {
    for (Job& job : all) {
      // A city whose lists changed gets all of them again: paging moves every later page.
      const bool list = list_cities.count(city) && IsListTemplate(job.tmpl);
      if (list) lists_now[city].insert(job.path);
      if (list || names.count(job.path)) {
        names.erase(job.path);
        jobs.push_back(std::move(job));
      }
    }
  };
  pick(PortalJobs(), -1);
  for (int c = 0; c < static_cast<int>(content_.cities.size()); ++c) pick(CityJobs(c), c);
  // What is left are content pages that show an edited page (a group listing its cases).
  std::vector<PageRef> content;
  for (size_t c = 0; c < content_.cities.size() && !names.empty(); ++c) {
    for (size_t p = 0; p < content_.cities[c].pages.size(); ++p) {
      PageRef ref{static_cast<int>(c), static_cast<int>(p)};
      if (names.count(index_->PathOf(content_, ref))) content.push_back(ref);
    }
  }
  RenderContent(content, diags);
  RunJobs(jobs, diags);
  for (int c : form_cities) WriteFormFiles(c, diags);
  // A list that has fewer pages now (a term with fewer cases) leaves pages behind.
  for (int c : list_cities) {
    std::set<std::string>& now = lists_now[c];
    for (const std::string& gone : Added(now, list_paths_[c])) {
      if (in_place_) in_place_->Remove(Urls::FileOf(gone));
      page_paths_.erase(gone);
    }
    list_paths_[c] = std::move(now);
  }
}

void Site::Impl::WriteGlobal(Diagnostics* diags) {
  std::set<std::string> before = sink_->written();
  WriteOpenData(CityNumbers(true), diags);
  WriteDiscovery(diags);
  WriteSearchIndex(diags);
  std::set<std::string> now = Added(before, sink_->written());
  // Files the site no longer has (a search facet without pages, …) are removed.
  for (const std::string& gone : Added(now, global_files_)) {
    if (in_place_) in_place_->Remove(gone);
  }
  global_files_ = std::move(now);
}

}  // namespace kyodo
