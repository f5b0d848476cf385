#include "content.h"

namespace kyodo {

const char* KindDir(PageKind kind) {
  switch (kind) {
    case PageKind::kPolicy:
      return "policies";
    case PageKind::kCase:
      return "cases";
    case PageKind::kGroup:
      return "groups";
    case PageKind::kNews:
      return "news";
    case PageKind::kPage:
      return "pages";
  }
  return "pages";
}

const char* KindLabel(PageKind kind) {
  switch (kind) {
    case PageKind::kPolicy:
      return "基本指針・計画";
    case PageKind::kCase:
      return "協働事例";
    case PageKind::kGroup:
      return "市民活動団体";
    case PageKind::kNews:
      return "お知らせ";
    case PageKind::kPage:
      return "ページ";
  }
  return "ページ";
}

const Org* City::FindOrg(const std::string& id) const {
  for (const Org& org : orgs) {
    if (org.id == id) return &org;
  }
  return nullptr;
}

const Org* City::ContactOrg(const std::string& id) const { return FindOrg(id.empty() ? site.contact : id); }

std::string City::OrgParents(const Org& org) const {
  std::vector<std::string> names;
  std::set<std::string> seen = {org.id};
  for (const Org* at = &org; !at->parent.empty();) {
    const Org* up = FindOrg(at->parent);
    if (up == nullptr) {
      names.push_back(at->parent);  // written as a name: parent: 中央区役所 市民部
      break;
    }
    if (!seen.insert(up->id).second) break;  // a loop, reported when orgs.yaml is read
    names.push_back(up->name);
    at = up;
  }
  std::string out;
  for (auto it = names.rbegin(); it != names.rend(); ++it) out += (out.empty() ? "" : " ") + *it;
  return out;
}

std::string City::OrgFullName(const Org& org) const {
  const std::string parents = OrgParents(org);
  return site.name + " " + (parents.empty() ? "" : parents + " ") + org.name;
}

const Page* City::FindPage(PageKind kind, const std::string& id) const {
  for (const Page& page : pages) {
    if (page.kind == kind && page.id == id) return &page;
  }
  return nullptr;
}

}  // namespace kyodo
