<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>MeasurePresets</name>
    <message>
        <source>%1 ↔ %2, narrowest</source>
        <translation>%1 ↔ %2（最狭部）</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%1: %n part(s) not drawn in this view: their outlines would cross it thousands of times (more line than a frame draws). Zoom in to see them.</source>
        <translation>
            <numerusform>%1: この表示では %n 個の部分を描いていません。輪郭が表示範囲を何千回も横切るためです（1 フレームで描ける線の量を超えます）。拡大すると表示されます。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (layer left out)</source>
        <translation>%1（このレイヤーは除外）</translation>
    </message>
    <message>
        <source>Could not open %1.

%2</source>
        <translation>%1 を開けませんでした。

%2</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>不明なエラー</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>予期しないエラー: %1</translation>
    </message>
</context>
<context>
    <name>isv::CompareView</name>
    <message>
        <source>De facto view</source>
        <translation>現状の表示</translation>
    </message>
    <message>
        <source>Both claims</source>
        <translation>双方の主張</translation>
    </message>
    <message>
        <source>Drag to move the divider: Japan&apos;s map on the left, Russia&apos;s on the right</source>
        <translation>ドラッグして境界線を動かします。左が日本の地図、右がロシアの地図です</translation>
    </message>
    <message>
        <source>Place names on this side</source>
        <translation>この側の地名</translation>
    </message>
    <message>
        <source>Script of the names on this side</source>
        <translation>この側の地名の文字</translation>
    </message>
    <message>
        <source>Claims drawn on this side</source>
        <translation>この側に描く主張</translation>
    </message>
    <message>
        <source>%1 ◀</source>
        <translation>%1 ◀</translation>
    </message>
    <message>
        <source>▶ %1</source>
        <translation>▶ %1</translation>
    </message>
</context>
<context>
    <name>isv::DataLocation</name>
    <message>
        <source>the program&apos;s folder is unknown</source>
        <translation>プログラムのフォルダーが不明です</translation>
    </message>
    <message>
        <source>looked in %1: %2</source>
        <translation>%1 を探しました: %2</translation>
    </message>
    <message>
        <source>no data directory found (%1); pass --data DIR or set ISLEVIEW_DATA</source>
        <translation>データディレクトリが見つかりません（%1）。--data DIR を指定するか、ISLEVIEW_DATA を設定してください</translation>
    </message>
</context>
<context>
    <name>isv::DesktopActions</name>
    <message>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Copy Map</source>
        <translation>地図をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Map &amp;Title…</source>
        <translation>地図のタイトル(&amp;T)…</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>ユーザーガイド(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>Copy Map</source>
        <translation>地図をコピー</translation>
    </message>
    <message>
        <source>The map is too big to copy at this size.</source>
        <translation>地図が大きすぎるため、このサイズではコピーできません。</translation>
    </message>
    <message>
        <source>Copied the map (%1 × %2 pixels)</source>
        <translation>地図をコピーしました（%1 × %2 ピクセル）</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>印刷</translation>
    </message>
    <message>
        <source>Map Title</source>
        <translation>地図のタイトル</translation>
    </message>
    <message>
        <source>Title drawn on the map (empty for none):</source>
        <translation>地図に描くタイトル（空欄ならタイトルなし）:</translation>
    </message>
    <message>
        <source>Isleview User Guide</source>
        <translation>Isleview ユーザーガイド</translation>
    </message>
</context>
<context>
    <name>isv::EventSlider</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>isv::ExportDialog</name>
    <message>
        <source>Export Image</source>
        <translation>画像の書き出し</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Pixel density written to the file; text and lines scale with it (96 = 1×)</source>
        <translation>ファイルに記録する画素密度。文字と線もこれに合わせて拡大縮小されます（96 = 1×）</translation>
    </message>
    <message>
        <source>DPI:</source>
        <translation>DPI:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Current view</source>
        <translation>現在の表示範囲</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>凡例</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>メモ（%1）</translation>
    </message>
    <message>
        <source>The notes placed on the map (View → Add Note)</source>
        <translation>地図上に置いたメモ（表示 → メモを追加）</translation>
    </message>
    <message>
        <source>World file</source>
        <translation>ワールドファイル</translation>
    </message>
    <message>
        <source>Also write a world file (.pgw / .jgw) beside a PNG or JPEG</source>
        <translation>PNG・JPEG と同じ場所にワールドファイル（.pgw / .jgw）も書き出します</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>サイズ:</translation>
    </message>
    <message>
        <source>Extent:</source>
        <translation>範囲:</translation>
    </message>
    <message>
        <source>Names:</source>
        <translation>地名:</translation>
    </message>
    <message>
        <source>Script:</source>
        <translation>文字:</translation>
    </message>
    <message>
        <source>Claims:</source>
        <translation>主張:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>タイトル:</translation>
    </message>
    <message>
        <source>Include:</source>
        <translation>含める項目:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出す</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg *.pdf *.tif *.tiff)</source>
        <translation>画像 (*.png *.jpg *.jpeg *.svg *.pdf *.tif *.tiff)</translation>
    </message>
    <message>
        <source>Cannot export to %1: use a .png, .jpg, .svg, .pdf or .tif file name.</source>
        <translation>%1 には書き出せません。拡張子が .png、.jpg、.svg、.pdf、.tif のいずれかのファイル名にしてください。</translation>
    </message>
    <message>
        <source>no result</source>
        <translation>結果がありません</translation>
    </message>
    <message>
        <source>Could not export %1.

%2</source>
        <translation>%1 を書き出せませんでした。

%2</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 を書き出しています…</translation>
    </message>
</context>
<context>
    <name>isv::InfoPanel</name>
    <message>
        <source>Facts unavailable</source>
        <translation>記事の事実情報を表示できません</translation>
    </message>
    <message>
        <source>sources agree</source>
        <translation>出典が一致</translation>
    </message>
    <message>
        <source>sources disagree: read the note</source>
        <translation>出典により異なる: 注記を参照</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1を表示</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>所属</translation>
    </message>
    <message>
        <source>%1 (computed from GSHHG coastline)</source>
        <translation>%1（GSHHG の海岸線から算出）</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>面積</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>行政区分</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <source>1956 declaration</source>
        <translation>1956年の日ソ共同宣言</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>双方の立場</translation>
    </message>
    <message>
        <source>Islets</source>
        <translation>島々</translation>
    </message>
    <message>
        <source>Settlements</source>
        <translation>集落</translation>
    </message>
    <message>
        <source>%1: %2? (uncertain: the sources do not confirm this name)</source>
        <translation>%1: %2?（不確か: 出典ではこの名称を確認できません）</translation>
    </message>
    <message>
        <source>Japan&apos;s official figure (GSI survey): %1 %2</source>
        <translation>日本の公式値（国土地理院の測量）: %1 %2</translation>
    </message>
    <message>
        <source>Russian-side figure: %1 %2</source>
        <translation>ロシア側の数値: %1 %2</translation>
    </message>
    <message>
        <source>The computed area is larger: GSHHG draws small islands and islets larger than the survey does, and the computed figure includes every islet of the coastline.</source>
        <translation>算出した面積のほうが大きくなっています。GSHHG では小さな島や小島が測量より大きく描かれており、算出値には海岸線に含まれるすべての小島が含まれているためです。</translation>
    </message>
</context>
<context>
    <name>isv::LayerListModel</name>
    <message>
        <source>Land</source>
        <translation>陸地</translation>
    </message>
    <message>
        <source>Lakes</source>
        <translation>湖沼</translation>
    </message>
    <message>
        <source>Borders</source>
        <translation>境界線</translation>
    </message>
    <message>
        <source>Claim areas</source>
        <translation>主張の範囲</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Graticule</source>
        <translation>経緯線</translation>
    </message>
</context>
<context>
    <name>isv::MainWindow</name>
    <message>
        <source>&amp;Language</source>
        <translation>表示言語(&amp;U)</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The interface will be shown in %1 the next time Isleview starts.</source>
        <translation>次回 Isleview を起動すると、画面が「%1」で表示されます。</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1を表示</translation>
    </message>
    <message>
        <source>Part of the map could not be drawn: %1</source>
        <translation>地図の一部を描画できませんでした: %1</translation>
    </message>
    <message>
        <source>Distance: %1</source>
        <translation>距離: %1</translation>
    </message>
    <message>
        <source>Some remembered settings could not be used and were left at their defaults (%1): %2</source>
        <translation>保存されていた設定の一部を使えなかったため、既定値のままにしました（%1）: %2</translation>
    </message>
    <message>
        <source>The map could not be prepared in the remembered projection (%1): %2</source>
        <translation>保存されていた投影法（%1）で地図を準備できませんでした: %2</translation>
    </message>
    <message>
        <source>&amp;Open Layer…</source>
        <translation>レイヤーを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open Vector Layer</source>
        <translation>ベクターレイヤーを開く</translation>
    </message>
    <message>
        <source>Vector files (*.shp *.geojson *.json *.gpkg *.kml *.kmz *.gml *.gpx *.fgb *.csv *.tab *.mif *.sqlite *.osm *.pbf);;All files (*)</source>
        <translation>ベクターファイル (*.shp *.geojson *.json *.gpkg *.kml *.kmz *.gml *.gpx *.fgb *.csv *.tab *.mif *.sqlite *.osm *.pbf);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>&amp;Export Image…</source>
        <translation>画像の書き出し(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Show All Islands</source>
        <translation>すべての島を表示(&amp;S)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Zoom to &amp;Selection</source>
        <translation>選択した場所へズーム(&amp;S)</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全画面表示(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Graticule</source>
        <translation>経緯線(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation>ラベル(&amp;L)</translation>
    </message>
    <message>
        <source>L&amp;egend</source>
        <translation>凡例(&amp;E)</translation>
    </message>
    <message>
        <source>Scale &amp;Bar</source>
        <translation>スケールバー(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;North Arrow</source>
        <translation>方位記号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Local (UTM zone 55N, conformal)</source>
        <translation>地域（UTM 55N 帯、正角図法）(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;World (Equal Earth)</source>
        <translation>世界（イコールアース図法）(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Measure Distance</source>
        <translation>距離を測る(&amp;M)</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Add &amp;Note</source>
        <translation>メモを追加(&amp;N)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Click on the map to place a note: a callout drawn on the map and in exports</source>
        <translation>地図をクリックしてメモを置きます。メモは引き出し線付きで地図と書き出し画像に描かれます</translation>
    </message>
    <message>
        <source>Show %1: %2</source>
        <translation>「%1」を表示: %2</translation>
    </message>
    <message>
        <source>&amp;De Facto View Only</source>
        <translation>現状の表示のみ(&amp;D)</translation>
    </message>
    <message>
        <source>Hide both claim overlays</source>
        <translation>双方の主張の表示を消します</translation>
    </message>
    <message>
        <source>&amp;About Isleview</source>
        <translation>Isleview について(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Projection</source>
        <translation>投影法(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Names</source>
        <translation>地名(&amp;N)</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>&amp;Claims</source>
        <translation>主張(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <source>Islands</source>
        <translation>島一覧</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>レイヤー</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>The information panel has no facts: %1</source>
        <translation>情報パネルに記事の事実情報がありません: %1</translation>
    </message>
    <message>
        <source>&amp;Edit Note…</source>
        <translation>メモを編集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove Note</source>
        <translation>メモを削除(&amp;R)</translation>
    </message>
    <message>
        <source>Add &amp;Note Here…</source>
        <translation>ここにメモを追加(&amp;N)…</translation>
    </message>
    <message>
        <source>Open Layer</source>
        <translation>レイヤーを開く</translation>
    </message>
    <message>
        <source>Projection</source>
        <translation>投影法</translation>
    </message>
    <message>
        <source>Could not switch the projection to %1.</source>
        <translation>投影法を %1 に切り替えられませんでした。</translation>
    </message>
    <message numerus="yes">
        <source>Added %1: %n layer(s), %2 (%3 features)</source>
        <translation>
            <numerusform>%1 を追加しました: %n 個のレイヤー、%2（地物 %3 件）</numerusform>
        </translation>
    </message>
    <message>
        <source>Added %1 (%2 features)</source>
        <translation>%1 を追加しました（地物 %2 件）</translation>
    </message>
    <message>
        <source>Preparing the map in %1…</source>
        <translation>「%1」で地図を準備しています…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 を開いています…</translation>
    </message>
    <message numerus="yes">
        <source>(%n more waiting)</source>
        <translation>
            <numerusform>（ほかに %n 件が待機中）</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 を書き出しました</translation>
    </message>
    <message>
        <source>About Isleview</source>
        <translation>Isleview について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;A map of the islands off north-east Hokkaido that Japan and Russia both claim: Etorofu / Iturup, Kunashiri / Kunashir, Shikotan and the Habomai islets.&lt;/p&gt;&lt;p&gt;Place names can be shown in Japanese, Russian or both. Each side&apos;s claim is drawn as that side&apos;s position; with both overlays off the map shows who administers the islands today.&lt;/p&gt;&lt;p&gt;Areas and distances are computed on the WGS84 ellipsoid from the shipped coastline.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;北海道の北東沖にあり、日本とロシアの双方が領有を主張している島々の地図です: 択捉島（イトゥルップ島）、国後島（クナシル島）、色丹島、歯舞群島。&lt;/p&gt;&lt;p&gt;地名は日本語、ロシア語、またはその両方で表示できます。それぞれの主張は、その国の立場として描かれます。両方の主張の表示をオフにすると、現在どちらが島々の施政を行っているかを示します。&lt;/p&gt;&lt;p&gt;面積と距離は、同梱の海岸線から WGS84 楕円体上で計算しています。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>area: %1</source>
        <translation>面積: %1</translation>
    </message>
    <message>
        <source>Compare Side by &amp;Side</source>
        <translation>左右に並べて比較(&amp;S)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+B</source>
        <translation>Ctrl+Shift+B</translation>
    </message>
    <message>
        <source>Compare with S&amp;wipe</source>
        <translation>スワイプで比較(&amp;W)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+W</source>
        <translation>Ctrl+Shift+W</translation>
    </message>
    <message>
        <source>Measure a path point by point, or an area (or shift+drag on the map)</source>
        <translation>経路を 1 点ずつ指定して距離を、または面積を測ります（地図上で Shift+ドラッグでも測れます）</translation>
    </message>
    <message>
        <source>&amp;Find Place…</source>
        <translation>場所を検索(&amp;F)…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Showing %1</source>
        <translation>%1を表示しています</translation>
    </message>
</context>
<context>
    <name>isv::MapCanvas</name>
    <message>
        <source>Total %1</source>
        <translation>合計 %1</translation>
    </message>
</context>
<context>
    <name>isv::MapFileController</name>
    <message>
        <source>Isleview maps (*.%1);;All files (*)</source>
        <translation>Isleview の地図 (*.%1);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Open &amp;Map…</source>
        <translation>地図を開く(&amp;M)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open Map</source>
        <translation>地図を開く</translation>
    </message>
    <message>
        <source>&amp;Save Map</source>
        <translation>地図を保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save Map &amp;As…</source>
        <translation>名前を付けて地図を保存(&amp;A)…</translation>
    </message>
    <message>
        <source>Save Map</source>
        <translation>地図を保存</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>一覧をクリア(&amp;C)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使った地図(&amp;R)</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>The map %1 has changes that are not saved. Save them?</source>
        <translation>地図 %1 には保存されていない変更があります。保存しますか?</translation>
    </message>
    <message>
        <source>%1: the file is no longer there</source>
        <translation>%1: ファイルが見つかりません</translation>
    </message>
</context>
<context>
    <name>isv::MeasureDock</name>
    <message>
        <source>Measure</source>
        <translation>計測</translation>
    </message>
    <message>
        <source>Distances people quote, measured here, with the published figure</source>
        <translation>よく引用される距離をここで測り、公表値と並べて示します</translation>
    </message>
    <message>
        <source>Leg</source>
        <translation>区間</translation>
    </message>
    <message>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <source>nmi</source>
        <translation>海里</translation>
    </message>
    <message>
        <source>Bearing</source>
        <translation>方位角</translation>
    </message>
    <message>
        <source>Close the path and measure its area</source>
        <translation>経路を閉じて面積を測る</translation>
    </message>
    <message>
        <source>Keep as Note</source>
        <translation>メモとして残す</translation>
    </message>
    <message>
        <source>Put the result on the map as a note (shown in exports too)</source>
        <translation>結果をメモとして地図上に置きます（書き出し画像にも表示されます）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>プリセット…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%n leg(s)</source>
        <translation>
            <numerusform>%n 区間</numerusform>
        </translation>
    </message>
    <message>
        <source>area %1</source>
        <translation>面積 %1</translation>
    </message>
    <message>
        <source>published: %1 km [%2]</source>
        <translation>公表値: %1 km [%2]</translation>
    </message>
    <message>
        <source>Initial bearing, clockwise from true north</source>
        <translation>始点での方位角（真北から時計回り）</translation>
    </message>
    <message>
        <source>Click points on the map with the measuring tool (Ctrl+M); double-click or Enter ends the path. Lengths are geodesic on the WGS84 ellipsoid.</source>
        <translation>計測ツール（Ctrl+M）で地図上の点をクリックします。ダブルクリックか Enter キーで経路を終えます。長さは WGS84 楕円体上の測地線長です。</translation>
    </message>
    <message>
        <source>Total: %1 (%2)</source>
        <translation>合計: %1（%2）</translation>
    </message>
    <message>
        <source>Area: %1 (perimeter %2)</source>
        <translation>面積: %1（周長 %2）</translation>
    </message>
    <message>
        <source>Published: %1 [%2]</source>
        <translation>公表値: %1 [%2]</translation>
    </message>
    <message>
        <source>No published figure in the sources of this program&apos;s facts.</source>
        <translation>このプログラムの事実情報の出典には公表値がありません。</translation>
    </message>
</context>
<context>
    <name>isv::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>isv::NotesDock</name>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation>メモを追加</translation>
    </message>
    <message>
        <source>Note at %1:</source>
        <translation>%1 のメモ:</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>メモを編集</translation>
    </message>
</context>
<context>
    <name>isv::PlaceList</name>
    <message>
        <source>Place</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>面積</translation>
    </message>
</context>
<context>
    <name>isv::PlaceSearchDock</name>
    <message>
        <source>Find</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>A place, in any name or script</source>
        <translation>場所（どの名称・文字でも可）</translation>
    </message>
    <message>
        <source>%1; matched “%2”</source>
        <translation>%1。「%2」に一致</translation>
    </message>
</context>
<context>
    <name>isv::TimelineBar</name>
    <message>
        <source>Year: the map of the last day of that year</source>
        <translation>年: その年の最終日の地図</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Timeline:</source>
        <translation>タイムライン:</translation>
    </message>
    <message>
        <source>No timeline: %1</source>
        <translation>タイムラインを使用できません: %1</translation>
    </message>
    <message>
        <source>Drag to see the map of a day since %1; the marks are the events</source>
        <translation>ドラッグすると %1 以降の各日の地図を表示します。目盛りは出来事を示します</translation>
    </message>
    <message>
        <source>Today (de facto)</source>
        <translation>今日（現状）</translation>
    </message>
    <message>
        <source>The map of %1</source>
        <translation>%1 の地図</translation>
    </message>
    <message>
        <source>Set by: %1 (%2)</source>
        <translation>この状態を定めた出来事: %1（%2）</translation>
    </message>
    <message>
        <source>administered by %1; claimed by %2</source>
        <translation>施政: %1、主張: %2</translation>
    </message>
    <message>
        <source>; population %1 (%2, %3)</source>
        <translation>、人口 %1（%2、%3）</translation>
    </message>
</context>
<context>
    <name>map</name>
    <message>
        <source>Added: %1</source>
        <translation>追加: %1</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>%1 names (%2)</source>
        <extracomment>the name set in the legend, the attribution and the interface, e.g. &quot;Japanese names (Latin)&quot;</extracomment>
        <translation>%1の地名（%2）</translation>
    </message>
    <message>
        <source> and </source>
        <translation>・</translation>
    </message>
    <message>
        <source>N</source>
        <extracomment>the north arrow&apos;s letter</extracomment>
        <translation>北</translation>
    </message>
    <message>
        <source>Shown: more than the area asked for</source>
        <translation>表示範囲: 指定より広い範囲</translation>
    </message>
    <message>
        <source>Shown: %1, %2</source>
        <translation>表示範囲: %1、%2</translation>
    </message>
    <message>
        <source>none (de facto view)</source>
        <translation>なし（現状の表示）</translation>
    </message>
    <message>
        <source>Coastline: GSHHG 2.3.7 full resolution (Wessel &amp; Smith, LGPL) · Borders: median lines computed by Isleview · Names: %1 · Claims shown: %2%3 · %4</source>
        <translation>海岸線: GSHHG 2.3.7 最高解像度（Wessel &amp; Smith、LGPL）· 境界線: Isleview が算出した中間線 · 地名: %1 · 表示中の主張: %2%3 · %4</translation>
    </message>
    <message>
        <source>Isleview map</source>
        <translation>Isleview の地図</translation>
    </message>
    <message>
        <source>Administration on %1</source>
        <translation>%1 時点の施政</translation>
    </message>
    <message>
        <source>De facto view</source>
        <translation>現状の表示</translation>
    </message>
    <message>
        <source>As %1 draws it</source>
        <translation>%1の立場で描いた地図</translation>
    </message>
    <message>
        <source>Both sides&apos; claims</source>
        <translation>双方の主張</translation>
    </message>
    <message>
        <source>Each side&apos;s map, side by side</source>
        <translation>双方の地図を並べて</translation>
    </message>
    <message>
        <source>none (%1)</source>
        <extracomment>no claim shown: the map of a past day (%1 names it, &quot;Administration on 1880-12-31&quot;)</extracomment>
        <translation>なし（%1）</translation>
    </message>
    <message>
        <source>Administered by %1</source>
        <translation>%1の施政下</translation>
    </message>
</context>
<context>
    <name>units</name>
    <message>
        <source>%1 km²</source>
        <translation>%1 km²</translation>
    </message>
    <message>
        <source>Not in the GSHHG coastline, which leaves out rocks under about 0.01 km²; marked at its gazetteer point.</source>
        <translation>GSHHG の海岸線には含まれていません（約 0.01 km² 未満の岩礁は収録されていません）。地名辞典の位置に表示しています。</translation>
    </message>
    <message>
        <source>%1 %2 (%3, %4)</source>
        <extracomment>the cursor&apos;s position: latitude, longitude (degrees and minutes), then both in decimal degrees</extracomment>
        <translation>%1 %2（%3, %4）</translation>
    </message>
    <message>
        <source>%1°%2′N</source>
        <translation>北緯%1°%2′</translation>
    </message>
    <message>
        <source>%1°%2′S</source>
        <translation>南緯%1°%2′</translation>
    </message>
    <message>
        <source>%1°%2′E</source>
        <translation>東経%1°%2′</translation>
    </message>
    <message>
        <source>%1°%2′W</source>
        <translation>西経%1°%2′</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
</context>
</TS>
