kyodoSearch("f/actors/gyosei","hw");
