kyodoSearch("d/5",["夏まつり実行委員会","minami/groups/matsuri-iinkai/",0,2,"夏まつりを運営します。 よみ：なつまつりじっこういいんかい 分野：観光 地域：中地区",0]);
