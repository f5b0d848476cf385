kyodoSearch("d/8",["協働基本指針を策定しました","minami/news/shishin/",0,3,"南町協働基本指針を策定しました。",0]);
