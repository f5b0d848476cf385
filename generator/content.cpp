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

std::string City::OrgParentName(const Org& org) const {
  const Org* parent = org.parent.empty() ? nullptr : FindOrg(org.parent);
  return parent ? parent->name : org.parent;  // not an ID: the section's name, as written
}

std::string City::OrgFullName(const Org& org) const {
  const std::string parent = OrgParentName(org);
  return site.name + " " + (parent.empty() ? "" : parent + " ") + org.name;
}

const Page* City::FindPage(PageKind kind, const std::string& id) const {
  for (const Page& page : pages) {
    if (page.kind == kind && page.id == id) return &page;
  }
  return nullptr;
}

}  // namespace kyodo
