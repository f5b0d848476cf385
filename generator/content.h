// The content model: what the municipalities publish, as read from content/.
// Plain structs; references between items are ids, never pointers.
#ifndef KYODO_CONTENT_H_
#define KYODO_CONTENT_H_

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "dates.h"
#include "error.h"
#include "form.h"
#include "vocab.h"
#include "yaml_reader.h"

namespace kyodo {

/// 庁内組織 from orgs.yaml, cited by `contact:`.
struct Org {
  std::string id, name, parent, postal_code, address, tel, extension, fax, email, form_url, hours;
  SourceLoc loc;
};

struct NavLink {
  std::string title, url;
};

/// 緊急情報 shown on every page of a city when set.
struct Banner {
  std::string level;  ///< "emergency" (緊急) or "notice" (お知らせ)
  std::string text;
  std::string url;
};

/// A city's site.yaml.
struct CitySite {
  std::string name, kana, slug, prefecture, code, theme, contact, intro, url, privacy_url;
  /// The terms of use of the city's open data as the city states them (「CC BY 4.0」,
  /// 「公共データ利用規約（第1.0版）」) and where they are published; "" when not given.
  std::string license, license_url;
  DateStyle date_style = DateStyle::kSeireki;
  std::map<std::string, Located> tokens;  ///< design-token overrides (primary colour, logo, …)
  std::vector<NavLink> nav;
  std::optional<Banner> banner;
  bool unsafe_html = false;
  SourceLoc loc;        ///< the start of site.yaml
  SourceLoc theme_loc;  ///< where `theme` is written (the file start when absent)
  SourceLoc intro_loc;  ///< where the text of `intro` begins (BlockTextStart)
  SourceLoc contact_loc;  ///< where `contact` is written
};

enum class PageKind { kPolicy, kCase, kGroup, kNews, kPage };

struct Image {
  std::string src, alt;
  SourceLoc loc;
};
struct Attachment {
  std::string title, src;
  SourceLoc loc;
};
struct ExternalLink {
  std::string title, url;
};

/// 協働事例 fields.
struct CaseInfo {
  std::vector<int> modes, fields, actors;  ///< term indices in the city's vocabularies
  std::optional<int> partnership;
  std::vector<Located> groups;  ///< group ids
  std::optional<Period> period;
  std::string place;
  std::vector<Image> images;
  std::vector<ExternalLink> links;
  std::vector<Attachment> attachments;
};

/// 市民活動団体 fields.
struct GroupInfo {
  std::string kana;           ///< reading without 法人格, hiragana
  bool kana_derived = false;  ///< guessed by MeCab: shown to staff as a warning
  std::vector<int> fields;
  std::string area;
  std::string area_slug;  ///< ASCII, for the 地域 filter page URL
  std::optional<Date> established;
  std::string members;
  std::string corporate_number;
  std::string corporate_form;  ///< 法人格 from the name, formally (特定非営利活動法人); "" for none
  std::string tel, email, url;  ///< public contact
  std::string area_kana;  ///< guessed reading of the area, hiragana, for 五十音順; "" when unreadable
};

struct BasicPolicy {
  std::string title, summary;
  std::vector<std::string> measures;
};
struct ProgressItem {
  std::string measure, status;
  std::optional<int> percent;
};

/// 指針・方針・計画 fields.
struct PolicyInfo {
  std::string kind;
  std::optional<Period> period;
  std::vector<BasicPolicy> basic_policies;
  std::vector<ProgressItem> progress;
  Located parent;
};

/// One Markdown file of a city (policy, case, group, news or free page).
struct Page {
  PageKind kind = PageKind::kPage;
  std::string id;      ///< file stem or `slug`
  SourceLoc slug_loc;  ///< where `slug:` (or a register's id) set the id (line 0: the file name did)
  std::string source;  ///< path of the .md file
  std::string title;
  std::optional<Date> date, updated;
  std::string summary;  ///< from front matter; filled from the body when empty
  bool summary_derived = false;  ///< `summary` came from the body (re-derived when the body changes)
  bool bulk = false;             ///< from groups.yaml/groups.csv: `body` is kept, it is not a file
  bool draft = false;
  int weight = 0;
  Located contact;  ///< org id; empty = the city's default
  /// Old addresses of this page (site paths such as "saku/old/balloon.html" or
  /// "saku/kyodo-jirei/balloon/"): each gets a page that sends readers here.
  std::vector<Located> aliases;
  std::string body;
  int body_line = 1;
  int body_indent = 0;  ///< groups.yaml `body: |`: columns of indentation YAML took off each line
  CaseInfo case_info;
  GroupInfo group;
  PolicyInfo policy;
};

/// A file under <city>/assets/ copied to the output (images, 様式).
struct Asset {
  std::string source;  ///< content path
  std::string rel;     ///< path below assets/, e.g. "yoshiki/teian.docx"
  uint64_t size = 0;
  uint32_t width = 0, height = 0;  ///< an image's size as shown (asset_media.h); 0 for other files
};

struct City {
  CitySite site;
  std::vector<Org> orgs;
  Vocabularies vocab;
  std::vector<Page> pages;
  std::vector<Asset> assets;
  std::vector<Form> forms;  ///< forms/*.yaml, by weight then id
  std::string dir;  ///< content/<slug>
  /// orgs.yaml is missing or could not be read (already reported): contact ids
  /// are not checked against it, which would only repeat that error.
  bool orgs_unreadable = false;
  /// Pages with draft: true that this build does not publish, (kind, id) → source.
  /// They are gone from `pages` unless kyodo check keeps them to check them.
  std::map<std::pair<PageKind, std::string>, std::string> unpublished_drafts;

  const Org* FindOrg(const std::string& id) const;
  /// The org a page or form with `contact:` id answers to: that org, or the city's
  /// default contact when the id is empty.
  const Org* ContactOrg(const std::string& id) const;
  /// 「中央区役所 市民部」: the sections above `org`, outermost first. A parent: that is
  /// another org's ID brings that org's name and its own parents (a 政令市's 区役所 →
  /// 市民部 → 地域振興課); any other parent: is the section's name as written.
  std::string OrgParents(const Org& org) const;
  /// 「佐久市 企画部 広報広聴課」: the city, the org's parent sections if any, the org.
  std::string OrgFullName(const Org& org) const;
  const Page* FindPage(PageKind kind, const std::string& id) const;
};

struct Portal {
  std::string title, intro, base_url;
  std::vector<Located> cities;
  SourceLoc loc;
  SourceLoc intro_loc;  ///< where the text of `intro` begins (BlockTextStart)
};

/// Everything under content/.
struct Content {
  std::string root;
  Portal portal;
  Vocabularies shared_vocab;
  std::vector<City> cities;
  /// Content files that exist but could not be read (already reported); links to
  /// them are not reported again as pointing nowhere.
  std::set<std::string> unreadable;
  /// Sources of the draft pages and forms this build does not publish: a link to one
  /// from a published page is an error that says so.
  std::set<std::string> unpublished_drafts;
};

/// Folder name of each page kind under a city ("cases" for kCase).
const char* KindDir(PageKind kind);
/// 日本語 name of a page kind for breadcrumbs and messages (「協働事例」).
const char* KindLabel(PageKind kind);

}  // namespace kyodo

#endif  // KYODO_CONTENT_H_
