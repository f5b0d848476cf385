kyodoSearch("f/fields/kanko","QPA");
