kyodoSearch("d/0",["南町協働推進計画","minami/policies/keikaku/",0,0,"基本指針を具体化した計画です。 種類：計画 進捗：講座の開催 実施中",0]);
