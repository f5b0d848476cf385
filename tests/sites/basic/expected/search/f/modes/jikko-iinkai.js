kyodoSearch("f/modes/jikko-iinkai","ho");
