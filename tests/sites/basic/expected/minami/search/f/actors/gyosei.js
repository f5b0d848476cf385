kyodoSearch("f/actors/gyosei","ho");
