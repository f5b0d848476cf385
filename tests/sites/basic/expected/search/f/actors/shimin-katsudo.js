kyodoSearch("f/actors/shimin-katsudo","ho");
