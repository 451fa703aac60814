<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>MeasurePresets</name>
    <message>
        <source>%1 ↔ %2, narrowest</source>
        <translation>%1 ↔ %2, самое узкое место</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%1: %n part(s) not drawn in this view: their outlines would cross it thousands of times (more line than a frame draws). Zoom in to see them.</source>
        <translation>
            <numerusform>%1: %n часть не показана в этом виде: её контур пересёк бы его тысячи раз (больше линий, чем рисуется за кадр). Увеличьте масштаб, чтобы её увидеть.</numerusform>
            <numerusform>%1: %n части не показаны в этом виде: их контуры пересекли бы его тысячи раз (больше линий, чем рисуется за кадр). Увеличьте масштаб, чтобы их увидеть.</numerusform>
            <numerusform>%1: %n частей не показано в этом виде: их контуры пересекли бы его тысячи раз (больше линий, чем рисуется за кадр). Увеличьте масштаб, чтобы их увидеть.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (layer left out)</source>
        <translation>%1 (слой пропущен)</translation>
    </message>
    <message>
        <source>Could not open %1.

%2</source>
        <translation>Не удалось открыть %1.

%2</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>неизвестная ошибка</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Непредвиденная ошибка: %1</translation>
    </message>
</context>
<context>
    <name>isv::CompareView</name>
    <message>
        <source>De facto view</source>
        <translation>Фактическое положение</translation>
    </message>
    <message>
        <source>Both claims</source>
        <translation>Притязания обеих сторон</translation>
    </message>
    <message>
        <source>Drag to move the divider: Japan&apos;s map on the left, Russia&apos;s on the right</source>
        <translation>Перетащите разделитель: слева карта Японии, справа — карта России</translation>
    </message>
    <message>
        <source>Place names on this side</source>
        <translation>Названия на этой стороне</translation>
    </message>
    <message>
        <source>Script of the names on this side</source>
        <translation>Письменность названий на этой стороне</translation>
    </message>
    <message>
        <source>Claims drawn on this side</source>
        <translation>Притязания на этой стороне</translation>
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
        <translation>папка программы неизвестна</translation>
    </message>
    <message>
        <source>looked in %1: %2</source>
        <translation>поиск в %1: %2</translation>
    </message>
    <message>
        <source>no data directory found (%1); pass --data DIR or set ISLEVIEW_DATA</source>
        <translation>каталог данных не найден (%1); укажите --data DIR или задайте ISLEVIEW_DATA</translation>
    </message>
</context>
<context>
    <name>isv::DesktopActions</name>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Печать…</translation>
    </message>
    <message>
        <source>&amp;Copy Map</source>
        <translation>&amp;Копировать карту</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Map &amp;Title…</source>
        <translation>&amp;Заголовок карты…</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Руководство пользователя</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>Copy Map</source>
        <translation>Копирование карты</translation>
    </message>
    <message>
        <source>The map is too big to copy at this size.</source>
        <translation>Карта слишком велика, чтобы скопировать её в таком размере.</translation>
    </message>
    <message>
        <source>Copied the map (%1 × %2 pixels)</source>
        <translation>Карта скопирована (%1 × %2 пикс.)</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Печать</translation>
    </message>
    <message>
        <source>Map Title</source>
        <translation>Заголовок карты</translation>
    </message>
    <message>
        <source>Title drawn on the map (empty for none):</source>
        <translation>Заголовок на карте (оставьте пустым, если он не нужен):</translation>
    </message>
    <message>
        <source>Isleview User Guide</source>
        <translation>Руководство пользователя Isleview</translation>
    </message>
</context>
<context>
    <name>isv::EventSlider</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>isv::ExportDialog</name>
    <message>
        <source>Export Image</source>
        <translation>Экспорт изображения</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source> px</source>
        <translation> пикс.</translation>
    </message>
    <message>
        <source>Pixel density written to the file; text and lines scale with it (96 = 1×)</source>
        <translation>Плотность пикселей, записываемая в файл; текст и линии масштабируются вместе с ней (96 = 1×)</translation>
    </message>
    <message>
        <source>DPI:</source>
        <translation>DPI:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>Current view</source>
        <translation>Текущий вид</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Легенда</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>Заметки (%1)</translation>
    </message>
    <message>
        <source>The notes placed on the map (View → Add Note)</source>
        <translation>Заметки, размещённые на карте (Вид → Добавить заметку)</translation>
    </message>
    <message>
        <source>World file</source>
        <translation>Файл привязки</translation>
    </message>
    <message>
        <source>Also write a world file (.pgw / .jgw) beside a PNG or JPEG</source>
        <translation>Записать рядом с PNG или JPEG файл привязки (.pgw / .jgw)</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Размер:</translation>
    </message>
    <message>
        <source>Extent:</source>
        <translation>Область:</translation>
    </message>
    <message>
        <source>Names:</source>
        <translation>Названия:</translation>
    </message>
    <message>
        <source>Script:</source>
        <translation>Письменность:</translation>
    </message>
    <message>
        <source>Claims:</source>
        <translation>Притязания:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Заголовок:</translation>
    </message>
    <message>
        <source>Include:</source>
        <translation>Включить:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспортировать</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg *.pdf *.tif *.tiff)</source>
        <translation>Изображения (*.png *.jpg *.jpeg *.svg *.pdf *.tif *.tiff)</translation>
    </message>
    <message>
        <source>Cannot export to %1: use a .png, .jpg, .svg, .pdf or .tif file name.</source>
        <translation>Невозможно экспортировать в %1: укажите имя файла с расширением .png, .jpg, .svg, .pdf или .tif.</translation>
    </message>
    <message>
        <source>no result</source>
        <translation>нет результата</translation>
    </message>
    <message>
        <source>Could not export %1.

%2</source>
        <translation>Не удалось экспортировать %1.

%2</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Запись %1…</translation>
    </message>
</context>
<context>
    <name>isv::InfoPanel</name>
    <message>
        <source>Facts unavailable</source>
        <translation>Факты недоступны</translation>
    </message>
    <message>
        <source>sources agree</source>
        <translation>источники согласуются</translation>
    </message>
    <message>
        <source>sources disagree: read the note</source>
        <translation>источники расходятся: см. примечание</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>не проверено</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Показать: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Названия</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>Входит в</translation>
    </message>
    <message>
        <source>%1 (computed from GSHHG coastline)</source>
        <translation>%1 (рассчитано по береговой линии GSHHG)</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Площадь</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Административное деление</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>Население</translation>
    </message>
    <message>
        <source>1956 declaration</source>
        <translation>Декларация 1956 года</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Позиции сторон</translation>
    </message>
    <message>
        <source>Islets</source>
        <translation>Острова</translation>
    </message>
    <message>
        <source>Settlements</source>
        <translation>Населённые пункты</translation>
    </message>
    <message>
        <source>%1: %2? (uncertain: the sources do not confirm this name)</source>
        <translation>%1: %2? (под вопросом: источники не подтверждают это название)</translation>
    </message>
    <message>
        <source>Japan&apos;s official figure (GSI survey): %1 %2</source>
        <translation>Официальные данные Японии (съёмка GSI): %1 %2</translation>
    </message>
    <message>
        <source>Russian-side figure: %1 %2</source>
        <translation>Данные российской стороны: %1 %2</translation>
    </message>
    <message>
        <source>The computed area is larger: GSHHG draws small islands and islets larger than the survey does, and the computed figure includes every islet of the coastline.</source>
        <translation>Рассчитанная площадь больше: в GSHHG небольшие острова и островки крупнее, чем по данным съёмки, а в рассчитанную величину входят все островки береговой линии.</translation>
    </message>
</context>
<context>
    <name>isv::LayerListModel</name>
    <message>
        <source>Land</source>
        <translation>Суша</translation>
    </message>
    <message>
        <source>Lakes</source>
        <translation>Озёра</translation>
    </message>
    <message>
        <source>Borders</source>
        <translation>Границы</translation>
    </message>
    <message>
        <source>Claim areas</source>
        <translation>Области притязаний</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Подписи</translation>
    </message>
    <message>
        <source>Graticule</source>
        <translation>Координатная сетка</translation>
    </message>
</context>
<context>
    <name>isv::MainWindow</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык интерфейса</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>The interface will be shown in %1 the next time Isleview starts.</source>
        <translation>При следующем запуске Isleview интерфейс будет показан на языке «%1».</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Показать: %1</translation>
    </message>
    <message>
        <source>Part of the map could not be drawn: %1</source>
        <translation>Часть карты не удалось нарисовать: %1</translation>
    </message>
    <message>
        <source>Distance: %1</source>
        <translation>Расстояние: %1</translation>
    </message>
    <message>
        <source>Some remembered settings could not be used and were left at their defaults (%1): %2</source>
        <translation>Некоторые сохранённые настройки не удалось применить, для них оставлены значения по умолчанию (%1): %2</translation>
    </message>
    <message>
        <source>The map could not be prepared in the remembered projection (%1): %2</source>
        <translation>Не удалось подготовить карту в сохранённой проекции (%1): %2</translation>
    </message>
    <message>
        <source>&amp;Open Layer…</source>
        <translation>&amp;Открыть слой…</translation>
    </message>
    <message>
        <source>Open Vector Layer</source>
        <translation>Открыть векторный слой</translation>
    </message>
    <message>
        <source>Vector files (*.shp *.geojson *.json *.gpkg *.kml *.kmz *.gml *.gpx *.fgb *.csv *.tab *.mif *.sqlite *.osm *.pbf);;All files (*)</source>
        <translation>Векторные файлы (*.shp *.geojson *.json *.gpkg *.kml *.kmz *.gml *.gpx *.fgb *.csv *.tab *.mif *.sqlite *.osm *.pbf);;Все файлы (*)</translation>
    </message>
    <message>
        <source>&amp;Export Image…</source>
        <translation>&amp;Экспорт изображения…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Увеличить</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Уменьшит&amp;ь</translation>
    </message>
    <message>
        <source>&amp;Show All Islands</source>
        <translation>&amp;Показать все острова</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Zoom to &amp;Selection</source>
        <translation>Приблизить к в&amp;ыбранному</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>Во весь &amp;экран</translation>
    </message>
    <message>
        <source>&amp;Graticule</source>
        <translation>Координатная се&amp;тка</translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation>По&amp;дписи</translation>
    </message>
    <message>
        <source>L&amp;egend</source>
        <translation>&amp;Легенда</translation>
    </message>
    <message>
        <source>Scale &amp;Bar</source>
        <translation>&amp;Масштабная линейка</translation>
    </message>
    <message>
        <source>&amp;North Arrow</source>
        <translation>Стрелка &amp;севера</translation>
    </message>
    <message>
        <source>&amp;Local (UTM zone 55N, conformal)</source>
        <translation>&amp;Местная (UTM, зона 55N, равноугольная)</translation>
    </message>
    <message>
        <source>&amp;World (Equal Earth)</source>
        <translation>&amp;Весь мир (Equal Earth)</translation>
    </message>
    <message>
        <source>&amp;Measure Distance</source>
        <translation>&amp;Измерить расстояние</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Add &amp;Note</source>
        <translation>Добавить &amp;заметку</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Click on the map to place a note: a callout drawn on the map and in exports</source>
        <translation>Щёлкните по карте, чтобы поставить заметку: выноску, которая видна на карте и при экспорте</translation>
    </message>
    <message>
        <source>Show %1: %2</source>
        <translation>Показать «%1»: %2</translation>
    </message>
    <message>
        <source>&amp;De Facto View Only</source>
        <translation>Только &amp;фактическое положение</translation>
    </message>
    <message>
        <source>Hide both claim overlays</source>
        <translation>Скрыть притязания обеих сторон</translation>
    </message>
    <message>
        <source>&amp;About Isleview</source>
        <translation>&amp;О программе Isleview</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>О &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Projection</source>
        <translation>&amp;Проекция</translation>
    </message>
    <message>
        <source>&amp;Names</source>
        <translation>&amp;Названия</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Письменность</translation>
    </message>
    <message>
        <source>&amp;Claims</source>
        <translation>П&amp;ритязания</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Основная</translation>
    </message>
    <message>
        <source>Islands</source>
        <translation>Острова</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Слои</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <source>The information panel has no facts: %1</source>
        <translation>На информационной панели нет фактов: %1</translation>
    </message>
    <message>
        <source>&amp;Edit Note…</source>
        <translation>&amp;Изменить заметку…</translation>
    </message>
    <message>
        <source>&amp;Remove Note</source>
        <translation>&amp;Удалить заметку</translation>
    </message>
    <message>
        <source>Add &amp;Note Here…</source>
        <translation>Добавить &amp;заметку здесь…</translation>
    </message>
    <message>
        <source>Open Layer</source>
        <translation>Открытие слоя</translation>
    </message>
    <message>
        <source>Projection</source>
        <translation>Проекция</translation>
    </message>
    <message>
        <source>Could not switch the projection to %1.</source>
        <translation>Не удалось переключить проекцию на %1.</translation>
    </message>
    <message numerus="yes">
        <source>Added %1: %n layer(s), %2 (%3 features)</source>
        <translation>
            <numerusform>Добавлен %1: %n слой, %2 (объектов: %3)</numerusform>
            <numerusform>Добавлен %1: %n слоя, %2 (объектов: %3)</numerusform>
            <numerusform>Добавлен %1: %n слоёв, %2 (объектов: %3)</numerusform>
        </translation>
    </message>
    <message>
        <source>Added %1 (%2 features)</source>
        <translation>Добавлен %1 (объектов: %2)</translation>
    </message>
    <message>
        <source>Preparing the map in %1…</source>
        <translation>Подготовка карты в проекции «%1»…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Открытие %1…</translation>
    </message>
    <message numerus="yes">
        <source>(%n more waiting)</source>
        <translation>
            <numerusform>(ещё %n в очереди)</numerusform>
            <numerusform>(ещё %n в очереди)</numerusform>
            <numerusform>(ещё %n в очереди)</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Экспортировано: %1</translation>
    </message>
    <message>
        <source>About Isleview</source>
        <translation>О программе Isleview</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;A map of the islands off north-east Hokkaido that Japan and Russia both claim: Etorofu / Iturup, Kunashiri / Kunashir, Shikotan and the Habomai islets.&lt;/p&gt;&lt;p&gt;Place names can be shown in Japanese, Russian or both. Each side&apos;s claim is drawn as that side&apos;s position; with both overlays off the map shows who administers the islands today.&lt;/p&gt;&lt;p&gt;Areas and distances are computed on the WGS84 ellipsoid from the shipped coastline.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;Карта островов у северо-восточного побережья Хоккайдо, на которые претендуют и Япония, и Россия: Итуруп (Этороф), Кунашир (Кунасири), Шикотан и острова Хабомаи.&lt;/p&gt;&lt;p&gt;Географические названия можно показывать на японском, на русском или на обоих языках. Притязания каждой стороны изображаются как позиция этой стороны; если оба слоя притязаний выключены, карта показывает, кто управляет островами сегодня.&lt;/p&gt;&lt;p&gt;Площади и расстояния вычисляются на эллипсоиде WGS84 по прилагаемой береговой линии.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>area: %1</source>
        <translation>площадь: %1</translation>
    </message>
    <message>
        <source>Compare Side by &amp;Side</source>
        <translation>Сравнить &amp;рядом</translation>
    </message>
    <message>
        <source>Ctrl+Shift+B</source>
        <translation>Ctrl+Shift+B</translation>
    </message>
    <message>
        <source>Compare with S&amp;wipe</source>
        <translation>Сравнить со &amp;шторкой</translation>
    </message>
    <message>
        <source>Ctrl+Shift+W</source>
        <translation>Ctrl+Shift+W</translation>
    </message>
    <message>
        <source>Measure a path point by point, or an area (or shift+drag on the map)</source>
        <translation>Измерить маршрут по точкам или площадь (либо Shift+перетаскивание по карте)</translation>
    </message>
    <message>
        <source>&amp;Find Place…</source>
        <translation>&amp;Найти место…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Шкала времени</translation>
    </message>
    <message>
        <source>Showing %1</source>
        <translation>Показаны: %1</translation>
    </message>
</context>
<context>
    <name>isv::MapCanvas</name>
    <message>
        <source>Total %1</source>
        <translation>Всего %1</translation>
    </message>
</context>
<context>
    <name>isv::MapFileController</name>
    <message>
        <source>Isleview maps (*.%1);;All files (*)</source>
        <translation>Карты Isleview (*.%1);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Open &amp;Map…</source>
        <translation>Открыть &amp;карту…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open Map</source>
        <translation>Открытие карты</translation>
    </message>
    <message>
        <source>&amp;Save Map</source>
        <translation>&amp;Сохранить карту</translation>
    </message>
    <message>
        <source>Save Map &amp;As…</source>
        <translation>Сохранить карту к&amp;ак…</translation>
    </message>
    <message>
        <source>Save Map</source>
        <translation>Сохранение карты</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>&amp;Очистить список</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Недавние карты</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>The map %1 has changes that are not saved. Save them?</source>
        <translation>В карте %1 есть несохранённые изменения. Сохранить их?</translation>
    </message>
    <message>
        <source>%1: the file is no longer there</source>
        <translation>%1: файл больше не существует</translation>
    </message>
</context>
<context>
    <name>isv::MeasureDock</name>
    <message>
        <source>Measure</source>
        <translation>Измерение</translation>
    </message>
    <message>
        <source>Distances people quote, measured here, with the published figure</source>
        <translation>Часто упоминаемые расстояния, измеренные здесь, рядом с опубликованными значениями</translation>
    </message>
    <message>
        <source>Leg</source>
        <translation>Отрезок</translation>
    </message>
    <message>
        <source>km</source>
        <translation>км</translation>
    </message>
    <message>
        <source>nmi</source>
        <translation>мор. мили</translation>
    </message>
    <message>
        <source>Bearing</source>
        <translation>Азимут</translation>
    </message>
    <message>
        <source>Close the path and measure its area</source>
        <translation>Замкнуть маршрут и измерить площадь</translation>
    </message>
    <message>
        <source>Keep as Note</source>
        <translation>Сохранить как заметку</translation>
    </message>
    <message>
        <source>Put the result on the map as a note (shown in exports too)</source>
        <translation>Поместить результат на карту как заметку (видна и при экспорте)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>Предустановки…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n leg(s)</source>
        <translation>
            <numerusform>%n отрезок</numerusform>
            <numerusform>%n отрезка</numerusform>
            <numerusform>%n отрезков</numerusform>
        </translation>
    </message>
    <message>
        <source>area %1</source>
        <translation>площадь %1</translation>
    </message>
    <message>
        <source>published: %1 km [%2]</source>
        <translation>опубликовано: %1 км [%2]</translation>
    </message>
    <message>
        <source>Initial bearing, clockwise from true north</source>
        <translation>Начальный азимут, по часовой стрелке от истинного севера</translation>
    </message>
    <message>
        <source>Click points on the map with the measuring tool (Ctrl+M); double-click or Enter ends the path. Lengths are geodesic on the WGS84 ellipsoid.</source>
        <translation>Щёлкайте по точкам на карте инструментом измерения (Ctrl+M); двойной щелчок или Enter завершает маршрут. Длины геодезические, на эллипсоиде WGS84.</translation>
    </message>
    <message>
        <source>Total: %1 (%2)</source>
        <translation>Всего: %1 (%2)</translation>
    </message>
    <message>
        <source>Area: %1 (perimeter %2)</source>
        <translation>Площадь: %1 (периметр %2)</translation>
    </message>
    <message>
        <source>Published: %1 [%2]</source>
        <translation>Опубликовано: %1 [%2]</translation>
    </message>
    <message>
        <source>No published figure in the sources of this program&apos;s facts.</source>
        <translation>В источниках сведений этой программы нет опубликованного значения.</translation>
    </message>
</context>
<context>
    <name>isv::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>isv::NotesDock</name>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation>Добавить заметку</translation>
    </message>
    <message>
        <source>Note at %1:</source>
        <translation>Заметка в точке %1:</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>Изменить заметку</translation>
    </message>
</context>
<context>
    <name>isv::PlaceList</name>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Площадь</translation>
    </message>
</context>
<context>
    <name>isv::PlaceSearchDock</name>
    <message>
        <source>Find</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>A place, in any name or script</source>
        <translation>Место: любое название, любая письменность</translation>
    </message>
    <message>
        <source>%1; matched “%2”</source>
        <translation>%1; совпадение: «%2»</translation>
    </message>
</context>
<context>
    <name>isv::TimelineBar</name>
    <message>
        <source>Year: the map of the last day of that year</source>
        <translation>Год: карта на последний день этого года</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Timeline:</source>
        <translation>Шкала времени:</translation>
    </message>
    <message>
        <source>No timeline: %1</source>
        <translation>Шкала времени недоступна: %1</translation>
    </message>
    <message>
        <source>Drag to see the map of a day since %1; the marks are the events</source>
        <translation>Перетащите, чтобы увидеть карту на любой день начиная с %1; отметки обозначают события</translation>
    </message>
    <message>
        <source>Today (de facto)</source>
        <translation>Сегодня (фактическое положение)</translation>
    </message>
    <message>
        <source>The map of %1</source>
        <translation>Карта на %1</translation>
    </message>
    <message>
        <source>Set by: %1 (%2)</source>
        <translation>Определено событием: %1 (%2)</translation>
    </message>
    <message>
        <source>administered by %1; claimed by %2</source>
        <translation>управление: %1; притязания: %2</translation>
    </message>
    <message>
        <source>; population %1 (%2, %3)</source>
        <translation>; население %1 (%2, %3)</translation>
    </message>
</context>
<context>
    <name>map</name>
    <message>
        <source>Added: %1</source>
        <translation>Добавлено: %1</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 км</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 м</translation>
    </message>
    <message>
        <source>%1 names (%2)</source>
        <extracomment>the name set in the legend, the attribution and the interface, e.g. &quot;Japanese names (Latin)&quot;</extracomment>
        <translation>%1 названия (%2)</translation>
    </message>
    <message>
        <source> and </source>
        <translation> и </translation>
    </message>
    <message>
        <source>N</source>
        <extracomment>the north arrow&apos;s letter</extracomment>
        <translation>С</translation>
    </message>
    <message>
        <source>Shown: more than the area asked for</source>
        <translation>Показано: больше запрошенной области</translation>
    </message>
    <message>
        <source>Shown: %1, %2</source>
        <translation>Показано: %1, %2</translation>
    </message>
    <message>
        <source>none (de facto view)</source>
        <translation>нет (фактическое положение)</translation>
    </message>
    <message>
        <source>Coastline: GSHHG 2.3.7 full resolution (Wessel &amp; Smith, LGPL) · Borders: median lines computed by Isleview · Names: %1 · Claims shown: %2%3 · %4</source>
        <translation>Береговая линия: GSHHG 2.3.7, полное разрешение (Wessel &amp; Smith, LGPL) · Границы: срединные линии, рассчитанные Isleview · Названия: %1 · Показаны притязания: %2%3 · %4</translation>
    </message>
    <message>
        <source>Isleview map</source>
        <translation>Карта Isleview</translation>
    </message>
    <message>
        <source>Administration on %1</source>
        <translation>Административная принадлежность на %1</translation>
    </message>
    <message>
        <source>De facto view</source>
        <translation>Фактическое положение</translation>
    </message>
    <message>
        <source>As %1 draws it</source>
        <translation>Как её рисует %1</translation>
    </message>
    <message>
        <source>Both sides&apos; claims</source>
        <translation>Притязания обеих сторон</translation>
    </message>
    <message>
        <source>Each side&apos;s map, side by side</source>
        <translation>Карты обеих сторон рядом</translation>
    </message>
    <message>
        <source>none (%1)</source>
        <extracomment>no claim shown: the map of a past day (%1 names it, &quot;Administration on 1880-12-31&quot;)</extracomment>
        <translation>нет (%1)</translation>
    </message>
    <message>
        <source>Administered by %1</source>
        <translation>Под управлением: %1</translation>
    </message>
</context>
<context>
    <name>units</name>
    <message>
        <source>%1 km²</source>
        <translation>%1 км²</translation>
    </message>
    <message>
        <source>Not in the GSHHG coastline, which leaves out rocks under about 0.01 km²; marked at its gazetteer point.</source>
        <translation>Отсутствует в береговой линии GSHHG, где не учтены скалы площадью менее примерно 0,01 км²; отмечено в точке из справочника географических названий.</translation>
    </message>
    <message>
        <source>%1 %2 (%3, %4)</source>
        <extracomment>the cursor&apos;s position: latitude, longitude (degrees and minutes), then both in decimal degrees</extracomment>
        <translation>%1 %2 (%3; %4)</translation>
    </message>
    <message>
        <source>%1°%2′N</source>
        <translation>%1°%2′ с. ш.</translation>
    </message>
    <message>
        <source>%1°%2′S</source>
        <translation>%1°%2′ ю. ш.</translation>
    </message>
    <message>
        <source>%1°%2′E</source>
        <translation>%1°%2′ в. д.</translation>
    </message>
    <message>
        <source>%1°%2′W</source>
        <translation>%1°%2′ з. д.</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 км</translation>
    </message>
</context>
</TS>
