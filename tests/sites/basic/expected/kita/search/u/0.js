kyodoSearch("u/0",["か き し た に の ま を 主 企 体 保 働 全 分 力 協 南 参 型 境 市 形 態 携 政 業 民 環 町 考 花 行 街 連 道 野 雪","gIgIgKgIgIgMgIgIgIgIgIgIgKgIgIgIgLgIgIgIgIgIgIgIgIgIgIgIgIgIgIgMgIgMgIgMgIgI",{}]);
