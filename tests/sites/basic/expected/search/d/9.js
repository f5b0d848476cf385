kyodoSearch("d/9",["協働とは","minami/pages/about/",0,4,"協働の意味 市民と町が対等な立場で協力することです。",0]);
