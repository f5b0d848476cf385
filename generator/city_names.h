// How pages that list several municipalities name each one.
#ifndef KYODO_CITY_NAMES_H_
#define KYODO_CITY_NAMES_H_

#include <string>
#include <vector>

#include "content.h"

namespace kyodo {

/// The name of each city on a page that lists municipalities side by side: its name,
/// or 都道府県 + name when another municipality of the portal has the same one (池田町
/// is a town of 北海道, 福井県, 長野県 and 岐阜県; 伊達市 of 北海道 and 福島県). Only
/// pages of the portal step may use it: a shard (--city) does not know the other
/// municipalities. Views read it from ViewContext::city_names.
std::vector<std::string> PortalCityNames(const std::vector<City>& cities);

/// The name that says which 地方公共団体 it is among all of Japan's: 都道府県 + name
/// (長野県佐久市, open data's 地方公共団体名), or the name alone when it has the 都道府県
/// already: a 都道府県 itself (name: 長野県 — not 長野県長野県) or a 広域連合 named after
/// it (長野県後期高齢者医療広域連合).
std::string FullName(const CitySite& site);

/// What a page about the whole portal calls its members: 市町村; 市区町村 when a 特別区
/// (name ending in 区) is among them; 自治体 when a 広域連合, 一部事務組合 or 都道府県 is,
/// none of which is a 市町村. Only pages of the portal step may use it, as PortalCityNames.
std::string PortalMembersWord(const std::vector<City>& cities);

}  // namespace kyodo

#endif  // KYODO_CITY_NAMES_H_
