kyodoSearch("f/modes/kyoryoku","gw");
