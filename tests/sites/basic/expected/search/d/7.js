kyodoSearch("d/7",["雪の会","minami/groups/yuki-no-kai/",0,2,"雪かきをする住民の会です。 よみ：ゆきのかい 分野：雪国のくらし 地域：北地区",0]);
