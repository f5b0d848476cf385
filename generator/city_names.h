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

}  // namespace kyodo

#endif  // KYODO_CITY_NAMES_H_
