kyodoSearch("f/modes/jikko-iinkai","hw");
