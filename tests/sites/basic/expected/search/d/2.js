kyodoSearch("d/2",["南町協働推進計画 実施計画","minami/policies/jisshi/",0,0,"推進計画の取組を年度ごとに進める計画です。 種類：行動計画",0]);
