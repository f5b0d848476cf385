#include "content_loader.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "asset_safety.h"
#include "asset_media.h"
#include "asset_names.h"
#include "bulk_groups.h"
#include "city_config.h"
#include "city_files.h"
#include "group_names.h"
#include "page_loader.h"
#include "parallel.h"
#include "source.h"
#include "text.h"

namespace kyodo {

namespace {

constexpr PageKind kKinds[] = {PageKind::kPolicy, PageKind::kCase, PageKind::kGroup, PageKind::kNews,
                               PageKind::kPage};

// A path inside content/ is usable unless it is a link that leads outside it.
bool StaysInside(const Disk& disk, const std::string& path, const std::string& root_canonical, Diagnostics* diags) {
  if (!disk.IsSymlink(path)) return true;
  std::string target = disk.Canonical(path);
  if (!target.empty() && (target == root_canonical || IsUnder(target, root_canonical))) return true;
  diags->Error({path, 0, 0}, "content/ の外を指すシンボリックリンクは使えません",
               "リンクではなくファイルそのものを content/ に置いてください");
  return false;
}

// Reads and parses a YAML file; nullopt (reported) if missing, malformed or a link
// out of content/ (whose values would be published as the city's own).
std::optional<YamlFile> ReadYaml(const Disk& disk, const std::string& path, bool required,
                                 const std::string& root_canonical, Diagnostics* diags) {
  if (disk.Stat(path) == FileKind::kFile && !StaysInside(disk, path, root_canonical, diags)) return std::nullopt;
  if (disk.Stat(path) != FileKind::kFile) {
    if (required) {
      std::string name = BaseName(path);
      diags->Error({path, 0, 0}, "ファイルがありません",
                   name == "site.yaml" || name == "orgs.yaml"
                       ? "kyodo new city " + BaseName(DirName(path)) + " で市町村のファイル一式の雛形を作れます"
                       : "サンプルの content/" + name + " を参考に作ってください");
    }
    return std::nullopt;
  }
  auto text = ReadSource(disk, path, diags);
  if (!text) return std::nullopt;
  YamlFile file(path, *text);
  if (!file.Parse(diags)) return std::nullopt;
  return file;
}

struct PendingFile {
  std::string path;
  PageKind kind;
};

// The files directly in `dir` whose names end in `ext`; anything else is warned
// about with `message` and `hint` (a sub-folder too: nothing is read from one).
// 「koza.MD」→「koza.md」, 「teian.yml」→「teian.yaml」: a name that means `ext` in
// another spelling, respelled; "" for any other name.
std::string WithExtension(std::string name, const std::string& ext) {
  // Notepad saves 「kouza.md」 as kouza.md.txt unless the file type is set to 「すべてのファイル」.
  if (AsciiLower(name).ends_with(".txt") && name.find('.') < name.size() - 4) name.resize(name.size() - 4);
  const size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0) return "";
  const std::string written = AsciiLower(name.substr(dot));
  const bool same = written == ext || (ext == ".md" && written == ".markdown") || (ext == ".yaml" && written == ".yml");
  return same ? name.substr(0, dot) + ext : "";
}

std::vector<std::string> FilesEndingIn(const Disk& disk, const std::string& dir, const std::string& ext,
                                       const std::string& root_canonical, const std::string& message,
                                       const std::string& hint, Diagnostics* diags) {
  std::vector<std::string> files;
  if (disk.Stat(dir) != FileKind::kDir || !StaysInside(disk, dir, root_canonical, diags)) return files;
  for (const std::string& name : disk.ListDir(dir)) {
    std::string path = JoinPath(dir, name);
    if (name[0] == '.' || !StaysInside(disk, path, root_canonical, diags)) continue;
    if (name.size() > ext.size() && name.ends_with(ext)) {
      files.push_back(std::move(path));
    } else if (disk.Stat(path) == FileKind::kDir) {
      diags->Warning({path, 0, 0}, "フォルダの中のファイルは読みません（公開されません）",
                     "ファイルは " + dir + "/ に直接置いてください。中にフォルダは作れません");
    } else if (std::string fixed = WithExtension(name, ext); !fixed.empty()) {
      // Windows and other tools save 「koza.MD」 or 「teian.yml」: the page would go missing.
      diags->Warning({path, 0, 0}, message,
                     "ファイル名を「" + fixed + "」にしてください（拡張子は " + ext + "）" +
                         (AsciiLower(name).ends_with(".txt") ? std::string("。") + kNotepadTxtHint : ""));
    } else {
      diags->Warning({path, 0, 0}, message, hint);
    }
  }
  return files;
}

// Every *.md in <city>/<kind dir>/.
std::vector<PendingFile> ListPages(const Disk& disk, const std::string& city_dir, const std::string& root_canonical,
                                   Diagnostics* diags) {
  std::vector<PendingFile> files;
  const std::string hint = "画像や様式のファイルは " + JoinPath(city_dir, "assets/") + " に置いてください";
  for (PageKind kind : kKinds) {
    for (std::string& path : FilesEndingIn(disk, JoinPath(city_dir, KindDir(kind)), ".md", root_canonical,
                                           "Markdown（.md）ではないので無視します", hint, diags)) {
      files.push_back({std::move(path), kind});
    }
  }
  return files;
}

void ListAssets(const Disk& disk, const std::string& dir, const std::string& rel, const std::string& root_canonical,
                std::vector<Asset>* out, Diagnostics* diags) {
  for (const std::string& name : disk.ListDir(dir)) {
    std::string path = JoinPath(dir, name);
    if (name[0] == '.' || !StaysInside(disk, path, root_canonical, diags)) continue;
    std::string sub = rel.empty() ? name : rel + "/" + name;
    FileKind kind = disk.Stat(path);
    if (kind == FileKind::kDir && disk.IsSymlink(path)) {
      // A linked folder could lead back to itself and never end.
      diags->Warning({path, 0, 0}, "フォルダへのシンボリックリンクはたどりません");
    } else if (kind == FileKind::kDir) {
      ListAssets(disk, path, sub, root_canonical, out, diags);
    } else if (kind == FileKind::kFile) {
      out->push_back({path, AssetKey(sub), disk.FileSize(path)});
    }
  }
}

// forms/*.yaml, each read and checked on its own.
std::vector<Form> ListForms(const Disk& disk, const std::string& city_dir, const std::string& root_canonical,
                            Diagnostics* diags) {
  std::vector<Form> forms;
  for (const std::string& path :
       FilesEndingIn(disk, JoinPath(city_dir, "forms"), ".yaml", root_canonical, "様式の定義（.yaml）ではないので無視します",
                     "Word・PDF などの様式ファイルは " + JoinPath(city_dir, "assets/") + " に置いてください", diags)) {
    auto text = ReadSource(disk, path, diags);
    auto form = text ? LoadForm(path, *text, diags) : std::nullopt;
    if (form) forms.push_back(std::move(*form));
  }
  std::stable_sort(forms.begin(), forms.end(),
                   [](const Form& a, const Form& b) { return std::tie(a.weight, a.id) < std::tie(b.weight, b.id); });
  return forms;
}

// Ids must be unique per kind (they become URLs and are cited by other files).
// A page whose id is taken is reported and left out, so it is reported once.
void CheckIds(City* city, std::set<std::string>* left_out, Diagnostics* diags) {
  struct Owner {
    std::string source;
    SourceLoc slug_loc;
  };
  std::map<std::pair<PageKind, std::string>, Owner> seen;
  std::vector<Page> kept;
  for (Page& page : city->pages) {
    auto [it, fresh] = seen.emplace(std::make_pair(page.kind, page.id), Owner{page.source, page.slug_loc});
    if (!fresh) {
      // Said at the slug: line that made the clash when there is one: that is what to change.
      const Owner current{page.source, page.slug_loc};
      const bool earlier_slug = it->second.slug_loc.line > 0 && current.slug_loc.line == 0;
      const Owner& at = earlier_slug ? it->second : current;
      const Owner& other = earlier_slug ? current : it->second;
      diags->Error(at.slug_loc.line > 0 ? at.slug_loc : SourceLoc{at.source, 0, 0},
                   "「" + page.id + "」という ID（URL）が " + other.source + " と重なります", "ファイル名か slug: を変えてください");
      left_out->insert(page.source);
      continue;
    }
    if (page.kind == PageKind::kCase && page.id == "page") {
      diags->Error({page.source, 0, 0}, "協働事例の ID に「page」は使えません（一覧のページ送りに使います）",
                   "ファイル名か slug: を変えてください");
      left_out->insert(page.source);
      continue;
    }
    kept.push_back(std::move(page));
  }
  city->pages = std::move(kept);
}

void CheckReferences(const City& city, Diagnostics* diags) {
  CheckContact(city, {city.site.contact, city.site.contact_loc}, diags);
  for (const Form& form : city.forms) CheckContact(city, form.contact, diags);
  for (const Page& page : city.pages) CheckPageReferences(city, page, diags);
}

City LoadCity(const Disk& disk, const std::string& dir, const std::string& folder, Content* content,
              const LoadOptions& options, const std::string& root_canonical, ReadingGuesser* reading,
              Diagnostics* diags) {
  City city;
  city.dir = dir;
  if (auto site = ReadYaml(disk, JoinPath(dir, "site.yaml"), true, root_canonical, diags)) {
    city.site = ReadCitySite(*site, folder, diags);
  } else {
    city.site.slug = folder;
    city.site.name = folder;
    city.site.theme = "default";
  }
  if (auto orgs = ReadYaml(disk, JoinPath(dir, "orgs.yaml"), true, root_canonical, diags)) {
    city.orgs = ReadOrgs(*orgs, diags);
    // A list where the IDs go (「- kyodo: …」) was reported once; every contact
    // would add an error naming an ID that is there.
    const YAML::Node root = orgs->root();
    city.orgs_unreadable = root.IsDefined() && !root.IsNull() && !root.IsMap();
  } else {
    city.orgs_unreadable = true;
  }
  // The municipality's own kind word first, so that its _taxonomies.yaml aliases: win.
  city.vocab = content->shared_vocab.ForMunicipality(city.site.name);
  if (auto terms = ReadYaml(disk, JoinPath(dir, "_taxonomies.yaml"), false, root_canonical, diags)) {
    city.vocab = city.vocab.WithCityTerms(*terms, city.site.slug, diags, reading);
  }

  std::vector<PendingFile> files = ListPages(disk, dir, root_canonical, diags);
  std::vector<std::optional<Page>> loaded(files.size());
  std::vector<Diagnostics> file_diags(files.size());
  ParallelFor(files.size(), options.jobs, [&](size_t i) {
    auto text = ReadSource(disk, files[i].path, &file_diags[i]);
    if (text) loaded[i] = LoadPage(files[i].path, files[i].kind, *text, city.vocab, reading, &file_diags[i]);
  });
  for (size_t i = 0; i < files.size(); ++i) {
    diags->Append(file_diags[i]);
    if (!loaded[i]) content->unreadable.insert(files[i].path);
    if (loaded[i]) city.pages.push_back(std::move(*loaded[i]));
  }
  // A register kept as one list or spreadsheet gives the same Group pages.
  std::vector<std::string> bulk;
  for (const char* name : {"groups.yaml", "groups.csv"}) {
    std::string path = JoinPath(dir, name);
    if (disk.Stat(path) == FileKind::kFile && StaysInside(disk, path, root_canonical, diags)) bulk.push_back(path);
  }
  for (Page& page : LoadBulkGroups(disk, bulk, city.pages, city.vocab, reading, diags)) city.pages.push_back(std::move(page));
  std::string assets = JoinPath(dir, "assets");
  if (disk.Stat(assets) == FileKind::kDir && StaysInside(disk, assets, root_canonical, diags)) {
    ListAssets(disk, assets, "", root_canonical, &city.assets, diags);
    CheckAssetNames(city.assets, diags);
  }
  CheckActiveAssets(disk, city.assets, city.site.unsafe_html, diags);
  CheckAssetMedia(disk, &city.assets, diags);
  city.forms = ListForms(disk, dir, root_canonical, diags);
  CheckCityFolderEntries(disk, dir, diags);
  CheckIds(&city, &content->unreadable, diags);
  WarnSameGroupNames(city.pages, diags);
  // Drafts are checked with the rest, so that what they clash with or name is
  // reported the same by check and build; then left out unless published.
  if (!options.drafts) {
    for (const Page& page : city.pages) {
      if (!page.draft) continue;
      city.unpublished_drafts[{page.kind, page.id}] = page.source;
      content->unpublished_drafts.insert(page.source);
    }
    for (const Form& form : city.forms) {
      if (form.draft) content->unpublished_drafts.insert(form.source);
    }
  }
  CheckReferences(city, diags);
  if (!options.drafts && !options.keep_drafts) {
    std::erase_if(city.pages, [](const Page& page) { return page.draft; });
    std::erase_if(city.forms, [](const Form& form) { return form.draft; });
  }
  return city;
}

}  // namespace

void CheckContact(const City& city, const Located& contact, Diagnostics* diags) {
  if (contact.value.empty() || city.orgs_unreadable || city.FindOrg(contact.value)) return;
  std::vector<std::string> ids;
  // Clerks write the office's name (総務課, 協働推進係) where its ID goes: name the IDs.
  std::string named;
  const std::string cited = FoldForMatch(contact.value);
  for (const Org& org : city.orgs) {
    ids.push_back(org.id);
    const std::string name = FoldForMatch(org.name), parent = FoldForMatch(org.parent);
    // 「中央区役所 市民部 地域振興課」 is the name with its sections, as the page shows it;
    // and each ward's 地域振興課 is told apart by them in the hint.
    const std::string sections = city.OrgParents(org);
    if (!cited.empty() && (name.find(cited) != std::string::npos || parent == cited ||
                           FoldForMatch(city.OrgFullName(org)).ends_with(cited))) {
      named += (named.empty() ? "" : "、") + org.id + "（" + (sections.empty() ? "" : sections + " ") + org.name + "）";
    }
  }
  auto near = NearestMatches(contact.value, ids, 1);
  diags->Error(contact.loc, "問い合わせ先「" + contact.value + "」が orgs.yaml にありません",
               !named.empty() ? "課・係の名前ではなく orgs.yaml の ID で書いてください: " + named
               : near.empty() ? JoinPath(city.dir, "orgs.yaml") + " に追加してください"
                              : "「" + near[0] + "」ではありませんか");
}

namespace {

// For a page cited by something other than its ID: the IDs of the city's pages of
// `kind` (for a near-ID hint) and the page whose title `cited` is, compared as
// `fold` writes both (clerks write the name where the ID goes).
struct Cited {
  std::vector<std::string> ids;
  const Page* named = nullptr;
};
Cited CitedPage(const City& city, PageKind kind, const std::string& cited,
                const std::function<std::string(std::string_view)>& fold) {
  Cited out;
  const std::string key = fold(cited);
  for (const Page& p : city.pages) {
    if (p.kind != kind) continue;
    out.ids.push_back(p.id);
    if (fold(p.title) == key) out.named = &p;
  }
  return out;
}

// True (and an error) when a published page names a draft that is not published.
bool NamesUnpublishedDraft(const City& city, const Page& page, PageKind kind, const Located& id, const char* what,
                           Diagnostics* diags) {
  auto draft = city.unpublished_drafts.find({kind, id.value});
  if (page.draft || draft == city.unpublished_drafts.end()) return false;
  diags->Error(id.loc, std::string(what) + "「" + id.value + "」は下書き（draft: true）なので公開されません",
               "公開するなら " + draft->second + " の draft: true の行を消してください。下書きのままなら、ここから外してください");
  return true;
}

// The register files (groups.csv, groups.yaml) the city's groups come from, joined with
// 「・」: a group missing from a city kept in a register is missing from the register.
std::string GroupRegisters(const City& city) {
  std::vector<std::string> files;
  for (const Page& p : city.pages) {
    if (p.kind != PageKind::kGroup || !p.bulk) continue;
    const std::string name = p.source.substr(p.source.find_last_of('/') + 1);
    if (std::find(files.begin(), files.end(), name) == files.end()) files.push_back(name);
  }
  std::sort(files.begin(), files.end());
  std::string out;
  for (const std::string& f : files) out += (out.empty() ? "" : "・") + f;
  return out;
}

}  // namespace

void CheckPageReferences(const City& city, const Page& page, Diagnostics* diags) {
  CheckContact(city, page.contact, diags);
  for (const Located& group : page.case_info.groups) {
    if (NamesUnpublishedDraft(city, page, PageKind::kGroup, group, "団体", diags)) continue;
    if (city.FindPage(PageKind::kGroup, group.value)) continue;
    // Clerks often leave out or abbreviate the 法人格 (「NPO法人」) when they cite a group.
    const auto [ids, named] = CitedPage(city, PageKind::kGroup, group.value,
                                        [](std::string_view s) { return FoldForMatch(StripCorporateForm(std::string(s))); });
    auto near = NearestMatches(group.value, ids, 1);
    // 「hana-no-kai, akebono」 without [ ] is one YAML value.
    std::vector<std::string> items = ItemsWrittenAsOne(group.value);
    bool several = !items.empty() && std::all_of(items.begin(), items.end(), [&](const std::string& i) {
      return city.FindPage(PageKind::kGroup, i) != nullptr;
    });
    std::string list;
    for (const std::string& i : items) list += (list.empty() ? "" : ", ") + i;
    // A group taken off the register (解散) leaves the cases that name it: say so, as the
    // hint to create the file was the opposite of what to do then.
    const std::string registers = GroupRegisters(city);
    const std::string removed = registers.empty() ? "解散などで団体のファイルを消したなら、ここからも消してください"
                                                  : "解散などで台帳から消した団体なら、ここからも消してください";
    std::string hint = several ? "いくつか書くときは groups: [" + list + "] のように [ ] で囲み、半角の「,」で区切ってください"
                       : named ? "団体名ではなく ID で「" + named->id + "」と書いてください（" + named->source + "）"
                       : near.empty() ? (registers.empty() ? "groups/ にこの団体のファイルを作るか、ID（ファイル名）を確かめてください。"
                                                           : "まだ載せていない団体なら " + registers + " に加え、載せているなら ID を確かめてください。") +
                                            removed
                                      : "「" + near[0] + "」ではありませんか";
    diags->Error(group.loc,
                 "団体「" + group.value + "」が " + JoinPath(city.dir, "groups/") +
                     (registers.empty() ? " にありません" : " にも " + registers + " にもありません"),
                 hint);
  }
  const Located& parent = page.policy.parent;
  if (parent.value.empty() || NamesUnpublishedDraft(city, page, PageKind::kPolicy, parent, "親の計画", diags)) return;
  const Page* p = city.FindPage(PageKind::kPolicy, parent.value);
  if (!p) {
    const auto [ids, named] = CitedPage(city, PageKind::kPolicy, parent.value, FoldForMatch);
    auto near = NearestMatches(parent.value, ids, 1);
    diags->Error(parent.loc, "親の計画「" + parent.value + "」が policies/ にありません",
                 named          ? "題名ではなく ID で「" + named->id + "」と書いてください（" + named->source + "）"
                 : near.empty() ? "policies/ のファイル名（.md を除いた部分）を書いてください"
                                : "「" + near[0] + "」ではありませんか");
    return;
  }
  // Walk up; a loop would make the breadcrumbs endless.
  std::set<std::string> chain = {page.id};
  for (; p && !p->policy.parent.value.empty(); p = city.FindPage(PageKind::kPolicy, p->policy.parent.value)) {
    if (!chain.insert(p->id).second) {
      diags->Error(parent.loc, "parent が循環しています（" + page.id + " → … → " + p->id + "）");
      break;
    }
  }
}

std::vector<std::string> CityFolders(const Disk& disk, const std::string& root, Diagnostics* diags) {
  const std::string root_canonical = disk.Canonical(root);
  std::vector<std::string> folders;
  for (const std::string& name : disk.ListDir(root)) {
    std::string path = JoinPath(root, name);
    if (name[0] == '_' || name[0] == '.' || disk.Stat(path) != FileKind::kDir) continue;
    if (StaysInside(disk, path, root_canonical, diags)) folders.push_back(name);
  }
  return folders;
}

Content LoadContent(const Disk& disk, const std::string& root, const LoadOptions& options, ReadingGuesser* reading,
                    Diagnostics* diags) {
  Content content;
  content.root = root;
  if (disk.Stat(root) != FileKind::kDir) {
    diags->Error({root, 0, 0}, "コンテンツのフォルダがありません", "--content でフォルダを指定してください");
    return content;
  }
  // --content content/shimosuwa: one city's folder read as the content folder would
  // report each of its subfolders as a city without site.yaml.
  if (disk.Stat(JoinPath(root, "site.yaml")) == FileKind::kFile) {
    const std::string up = root == "." ? ".." : DirName(root).empty() ? "." : DirName(root);
    diags->Error({root, 0, 0}, "市町村のフォルダです（site.yaml があります）",
                 "--content には、市町村のフォルダが並んでいるその上のフォルダ（" + up + "）を指定してください");
    return content;
  }
  std::string root_canonical = disk.Canonical(root);
  // _portal.yaml is optional: without it every city folder is published, by slug,
  // under a plain title (the benchmark corpus has none).
  content.portal.title = "協働のまちづくりポータル";
  content.portal.loc = {JoinPath(root, "_portal.yaml"), 0, 0};
  if (auto portal = ReadYaml(disk, JoinPath(root, "_portal.yaml"), false, root_canonical, diags)) {
    content.portal = ReadPortal(*portal, diags);
  }
  if (auto vocab = ReadYaml(disk, JoinPath(root, "_taxonomies.yaml"), true, root_canonical, diags)) {
    content.shared_vocab = Vocabularies::LoadShared(*vocab, diags, reading);
  }

  std::vector<std::string> folders = CityFolders(disk, root, diags);
  std::vector<std::string> order;
  for (const Located& slug : content.portal.cities) {
    if (std::find(order.begin(), order.end(), slug.value) != order.end()) {
      // Loaded twice, every page of the city would be written twice (and its code clash with itself).
      diags->Error(slug.loc, "_portal.yaml の cities に「" + slug.value + "」が2回あります",
                   "どちらか一方を消してください（ポータルでの並びは最初に書いた位置になります）");
      continue;
    }
    order.push_back(slug.value);
    if (std::find(folders.begin(), folders.end(), slug.value) == folders.end()) {
      auto near = NearestMatches(slug.value, folders, 1);
      diags->Error(slug.loc, "_portal.yaml の cities にある「" + slug.value + "」のフォルダがありません",
                   near.empty() ? "kyodo new city " + slug.value + " で作れます" : "「" + near[0] + "」ではありませんか");
    }
  }
  if (order.empty()) order = folders;
  for (const std::string& folder : folders) {
    if (std::find(order.begin(), order.end(), folder) == order.end()) {
      diags->Warning({JoinPath(root, folder), 0, 0}, "_portal.yaml の cities に無いので公開されません",
                     "公開するには _portal.yaml の cities: に " + folder + " を加えてください");
    }
  }
  for (const std::string& slug : order) {
    if (std::find(folders.begin(), folders.end(), slug) == folders.end()) continue;
    if (!options.cities.empty() &&
        std::find(options.cities.begin(), options.cities.end(), slug) == options.cities.end()) {
      continue;
    }
    if (options.portal_only) {
      City shell;
      shell.dir = JoinPath(root, slug);
      shell.site.slug = slug;
      content.cities.push_back(std::move(shell));
      continue;
    }
    content.cities.push_back(
        LoadCity(disk, JoinPath(root, slug), slug, &content, options, root_canonical, reading, diags));
  }
  CheckDistinctCodes(content.cities, diags);  // the portal step checks its manifests' cities
  for (const std::string& slug : options.cities) {
    if (std::find(order.begin(), order.end(), slug) == order.end()) {
      diags->Error({JoinPath(root, "_portal.yaml"), 0, 0}, "--city " + slug + " は公開する市町村の一覧にありません");
    }
  }
  return content;
}

}  // namespace kyodo
