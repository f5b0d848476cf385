kyodoSearch("f/actors/shimin-katsudo","hw");
