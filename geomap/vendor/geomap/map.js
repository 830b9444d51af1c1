/* geomap map runtime (part of geomap, MIT licence; not third-party code).
 *
 * The page embeds one payload: a raw-deflate, base64 JSON document holding the incidents in
 * columns, a string table, the region shapes and the offline basemap (built by geomap/render.py).
 * geomap.load() decodes it asynchronously (DecompressionStream, or the vendored tiny-inflate where
 * the browser lacks it) and every layer picks it up from that promise. Each event type is one
 * leaflet.timeline layer (L.GeomapTimeline) driven by the shared TimelineSliderControl; the
 * markers of the ticked types are clustered together by Supercluster. Article text is only ever
 * written with textContent / DOM properties, never parsed as HTML.
 */
(function () {
  "use strict";

  var DAY_MS = 86400000;
  var CLUSTER_MAX_ZOOM = 12; // deeper, sites are drawn as they are (a site is one exact spot)
  var geomap = (window.geomap = window.geomap || {});
  geomap.ready = false;
  geomap.windowDays = Infinity; // how many days up to the slider date are shown

  var GEO_PRECISION = {
    1: "exact place",
    2: "near the place, or its district",
    3: "region or country level",
  };

  /* Payload ------------------------------------------------------------------------------ */

  /* Resolves to the decoded payload; every layer and control takes its data from here. */
  geomap.load = function (base64, size) {
    var bytes;
    if (Uint8Array.fromBase64) {
      bytes = Uint8Array.fromBase64(base64);
    } else {
      var binary = atob(base64);
      bytes = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    }
    var loaded = inflate(bytes, size).then(function (out) {
      var payload = JSON.parse(new TextDecoder().decode(out));
      payload.text = function (index) {
        return index === null || index === undefined ? null : payload.strings[index];
      };
      payload.types.forEach(function (type) {
        type.pointIcon = L.divIcon({ html: type.pointHtml, className: "gm-marker", iconSize: [22, 22] });
        type.regionIcon = L.divIcon({ html: type.regionHtml, className: "gm-marker gm-marker-region", iconSize: [22, 22] });
      });
      geomap.payload = payload;
      performance.mark("geomap:decoded");
      return payload;
    });
    loaded.catch(function (error) {
      console.error("geomap: the map data could not be decoded", error);
    });
    return loaded;
  };

  function inflate(bytes, size) {
    if (window.DecompressionStream) {
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
      return new Response(stream).arrayBuffer().then(function (buffer) {
        return new Uint8Array(buffer);
      });
    }
    return Promise.resolve().then(function () {
      return geomap.inflate(bytes, new Uint8Array(size));
    });
  }

  function isoDay(day) {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }

  geomap.formatTime = function (time) {
    var day = Math.floor(time / DAY_MS);
    if (!isFinite(day)) return "";
    if (geomap.windowDays === Infinity) return "up to " + isoDay(day);
    if (geomap.windowDays === 1) return isoDay(day);
    return isoDay(day - geomap.windowDays + 1) + " \u2013 " + isoDay(day);
  };

  /* DOM helpers: text only ------------------------------------------------------------------ */

  function el(parent, tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (parent) parent.appendChild(node);
    return node;
  }

  function safeHref(url) {
    if (!url) return null;
    try {
      var parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  /* Icons: markup made by geomap/render.py from its own constants (colour, glyph), never from data. */

  function iconHtml(type, region) {
    return region ? type.regionHtml : type.pointHtml;
  }

  /* Popups: built from text nodes ------------------------------------------------------------ */

  function field(parent, label, value) {
    if (value === null || value === undefined || value === "") return;
    var row = el(parent, "div", "gm-field");
    el(row, "span", "gm-label", label + ": ");
    el(row, "span", null, value);
  }

  function whenText(payload, i) {
    var ev = payload.events;
    var date = payload.text(ev.date[i]);
    var precision = payload.text(ev.datePrecision[i]) || "unknown";
    if (!date) return "unknown (shown at every slider date)";
    var text = date + " (" + precision + " precision)";
    var start = ev.start[i], end = ev.end[i];
    if (start !== null && end !== null && start !== end) text += ", between " + isoDay(start) + " and " + isoDay(end);
    return text;
  }

  function whereText(payload, i) {
    var ev = payload.events;
    var parts = [payload.text(ev.place[i]) || "unnamed place"];
    var kind = payload.text(ev.placeKind[i]);
    if (kind) parts[0] += " (" + kind + ")";
    var admin1 = payload.text(ev.admin1[i]);
    var country = payload.text(ev.country[i]);
    if (admin1 && admin1 !== payload.text(ev.place[i])) parts.push(admin1);
    if (country) parts.push(country);
    return parts.join(", ");
  }

  function precisionText(payload, i) {
    var ev = payload.events;
    var level = ev.geoPrecision[i];
    var text = level ? level + ", " + (GEO_PRECISION[level] || "") : "unknown";
    if (ev.shape[i] !== null) text += "; the incident is somewhere in the shaded area, the marker only labels it";
    return text;
  }

  function appendSources(parent, payload, i) {
    var pairs = payload.events.sources[i] || [];
    var docs = payload.docs;
    el(parent, "div", "gm-label", "Sources (" + pairs.length / 2 + ")");
    var list = el(parent, "ol", "gm-sources");
    for (var k = 0; k < pairs.length; k += 2) {
      var d = pairs[k];
      var item = el(list, "li", "gm-source");
      var meta = [payload.text(docs.publisher[d]), payload.text(docs.published[d])].filter(Boolean).join(", ");
      if (meta) el(item, "div", "gm-source-meta", meta);
      var title = payload.text(docs.title[d]) || payload.text(docs.id[d]) || "untitled";
      var url = payload.text(docs.url[d]);
      var href = safeHref(url);
      if (href) {
        var link = el(item, "a", "gm-source-title", title);
        link.href = href;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
      } else {
        el(item, "div", "gm-source-title", title);
        if (url) el(item, "div", "gm-source-url", "address (not a web link): " + url);
      }
      var quote = payload.text(pairs[k + 1]);
      if (quote) el(item, "blockquote", "gm-quote", quote);
    }
  }

  function incidentSection(parent, payload, i) {
    var ev = payload.events;
    var type = payload.types[ev.type[i]];
    var box = el(parent, "section", "gm-incident");
    var head = el(box, "div", "gm-head");
    el(head, "span", "gm-key").innerHTML = iconHtml(type, ev.shape[i] !== null);
    el(head, "strong", null, type.label);
    var acled = [payload.text(ev.acled[i]), payload.text(ev.acledSub[i])].filter(Boolean).join(" / ");
    if (acled) el(head, "span", "gm-acled", " ACLED: " + acled);
    field(box, "When", whenText(payload, i));
    field(box, "Where", whereText(payload, i));
    field(box, "Place precision", precisionText(payload, i));
    var summary = payload.text(ev.summary[i]);
    if (summary) el(box, "p", "gm-summary", summary);
    var deaths = ev.fatalities[i];
    field(box, "Fatalities", deaths === null ? "not reported" : deaths);
    var actors = (ev.actors[i] || []).map(payload.text).filter(Boolean);
    if (actors.length) field(box, "Actors", actors.join("; "));
    appendSources(box, payload, i);
    var foot = [payload.text(ev.id[i])];
    if (ev.confidence[i] !== null) foot.push("confidence " + ev.confidence[i]);
    el(box, "div", "gm-foot", foot.join(" \u00b7 "));
    return box;
  }

  geomap.popupContent = function (payload, indices) {
    var root = el(null, "div", "gm-popup");
    if (indices.length > 1) el(root, "div", "gm-count", indices.length + " incidents in this area");
    var shown = indices.slice(0, 25);
    shown.forEach(function (i) {
      incidentSection(root, payload, i);
    });
    if (indices.length > shown.length) el(root, "div", "gm-more", "\u2026 and " + (indices.length - shown.length) + " more");
    return root;
  };

  /* Offline basemap ---------------------------------------------------------------------------- */

  geomap.basemapLayer = function (loaded) {
    var pane = "geomap-basemap";
    var group = L.layerGroup();
    var payload = null;

    function draw() {
      var map = group._map;
      if (!map || !payload || group.getLayers().length) return;
      if (!map.getPane(pane)) map.createPane(pane).style.zIndex = 250;
      var common = { pane: pane, renderer: L.canvas({ pane: pane }), interactive: false };
      var land = { color: "#8a8f98", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 };
      var admin1 = { color: "#b4b8bf", weight: 0.5, fill: false };
      group.addLayer(L.geoJSON(payload.basemap.countries, L.extend({ style: land }, common)));
      group.addLayer(L.geoJSON(payload.basemap.admin1, L.extend({ style: admin1 }, common)));
    }

    loaded.then(function (data) {
      payload = data;
      draw();
    });
    group.on("add", function () {
      group._map.getContainer().classList.add("gm-offline-basemap");
      draw();
    });
    group.on("remove", function () {
      group._map.getContainer().classList.remove("gm-offline-basemap");
    });
    return group;
  };

  /* One event type as a timeline layer ---------------------------------------------------------- */

  L.GeomapTimeline = L.Timeline.extend({
    initialize: function (loaded, typeIndex, options) {
      L.Timeline.prototype.initialize.call(this, null, options);
      this._typeIndex = typeIndex;
      this._clusters = options.clusters;
      this._clusters.register(this);
      this._shapeLayers = new Map();
      this._shapeUse = new Map();
      this._shown = new Set();
      this._starts = new Float64Array(0);
      this.count = 0;
      loaded.then(this._index.bind(this));
    },

    /* This type's incidents as arrays sorted by start (ms); undated ones span the whole range. */
    _index: function (payload) {
      this._payload = payload;
      var ev = payload.events, range = payload.dayRange || [0, 0], mine = [];
      for (var i = 0; i < ev.type.length; i++) if (ev.type[i] === this._typeIndex) mine.push(i);
      var start = function (i) {
        return (ev.start[i] === null ? range[0] : ev.start[i]) * DAY_MS;
      };
      mine.sort(function (a, b) {
        return start(a) - start(b);
      });
      this.count = mine.length;
      this._ids = Int32Array.from(mine);
      this._starts = Float64Array.from(mine, start);
      this._ends = Float64Array.from(mine, function (i) {
        return ((ev.end[i] === null ? range[1] : ev.end[i]) + 1) * DAY_MS - 1;
      });
      var times = [];
      for (var k = 0; k < this._starts.length; k++) {
        if (k === 0 || this._starts[k] !== this._starts[k - 1]) times.push(this._starts[k]);
      }
      var last = this._ends.reduce(function (a, b) {
        return Math.max(a, b);
      }, -Infinity);
      if (times.length) times.push(last);
      this.times = times;
      this.start = times.length ? times[0] : Infinity;
      this.end = last;
      this.time = this.start;
    },

    /* The incidents the slider window covers: those overlapping the window's days. */
    _visible: function () {
      var day = Math.floor(this.time / DAY_MS);
      var to = (day + 1) * DAY_MS - 1;
      var from = geomap.windowDays === Infinity ? -Infinity : (day - geomap.windowDays + 1) * DAY_MS;
      var lo = 0, hi = this._starts.length; // first start after `to`
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (this._starts[mid] <= to) lo = mid + 1;
        else hi = mid;
      }
      var out = [];
      for (var k = 0; k < lo; k++) if (this._ends[k] >= from) out.push(this._ids[k]);
      return out;
    },

    /* Replaces leaflet.timeline's quadratic diff that re-creates every layer on each step. */
    updateDisplayedLayers: function () {
      var next = new Set(this._visible());
      var self = this;
      this._shown.forEach(function (i) {
        if (!next.has(i)) self._releaseShape(i);
      });
      next.forEach(function (i) {
        if (!self._shown.has(i)) self._useShape(i);
      });
      this._shown = next;
      if (this._map) this._clusters.invalidate();
    },

    onAdd: function (map) {
      L.FeatureGroup.prototype.onAdd.call(this, map);
      this._clusters.invalidate();
    },

    onRemove: function (map) {
      L.FeatureGroup.prototype.onRemove.call(this, map);
      this._clusters.invalidate();
    },

    shownIndices: function () {
      return Array.from(this._shown);
    },

    _useShape: function (i) {
      var shape = this._payload.events.shape[i];
      if (shape === null) return;
      var uses = (this._shapeUse.get(shape) || 0) + 1;
      this._shapeUse.set(shape, uses);
      if (uses === 1) this.addLayer(this._shapeLayer(shape));
    },

    _releaseShape: function (i) {
      var shape = this._payload.events.shape[i];
      if (shape === null) return;
      var uses = this._shapeUse.get(shape) - 1;
      this._shapeUse.set(shape, uses);
      if (uses === 0) this.removeLayer(this._shapeLayer(shape));
    },

    _shapeLayer: function (shape) {
      var layer = this._shapeLayers.get(shape);
      if (layer) return layer;
      var self = this, payload = this._payload;
      var color = payload.types[this._typeIndex].color;
      layer = L.geoJSON(payload.shapes[shape], {
        style: { color: color, weight: 1.5, dashArray: "5 4", fillColor: color, fillOpacity: 0.12, className: "gm-area" },
      });
      layer.geomapShape = shape;
      layer.bindPopup(
        function () {
          var here = self.shownIndices().filter(function (i) {
            return payload.events.shape[i] === shape;
          });
          return geomap.popupContent(payload, here);
        },
        { maxWidth: 380, maxHeight: 340 }
      );
      this._shapeLayers.set(shape, layer);
      return layer;
    },
  });

  L.geomapTimeline = function (loaded, typeIndex, options) {
    return new L.GeomapTimeline(loaded, typeIndex, options);
  };

  /* Markers of every shown type, clustered with Supercluster ------------------------------------- *
   * One index over the incidents that the ticked layers show at the slider's date, rebuilt once per
   * change (coalesced in a microtask); only the clusters and markers inside the view are in the DOM.
   * Incidents at one exact spot form a site that stays one bubble at every zoom: clicking it lists
   * them in one popup (no spiderfying needed). */

  var ClusterLayer = L.Layer.extend({
    initialize: function (loaded) {
      var self = this;
      loaded.then(function (payload) {
        self._payload = payload;
      });
      this._timelines = [];
      this._group = L.layerGroup();
      this._markers = new Map(); // incident index -> marker, made on first display
      this._drawn = new Map(); // key -> marker now in the group
      this._pending = false;
      this._index = null;
    },

    register: function (timeline) {
      this._timelines.push(timeline);
    },

    invalidate: function () {
      if (this._pending) return;
      this._pending = true;
      var self = this;
      queueMicrotask(function () {
        self._pending = false;
        self._rebuild();
      });
    },

    onAdd: function (map) {
      this._group.addTo(map);
      map.on("moveend", this._draw, this);
      this._draw();
    },

    onRemove: function (map) {
      map.off("moveend", this._draw, this);
      this._group.clearLayers().remove();
      this._drawn.clear();
    },

    /* Incident indices now drawn, singly or inside a cluster. */
    shownIndices: function () {
      var out = [];
      this._timelines.forEach(function (t) {
        if (t._map) t._shown.forEach(function (i) {
          out.push(i);
        });
      });
      return out;
    },

    /* Incidents at one exact spot form one site; Supercluster clusters sites. */
    _sites: function () {
      var ev = this._payload.events, bySpot = new Map(), sites = [];
      this.shownIndices().forEach(function (i) {
        var key = ev.lat[i] * 4e7 + ev.lon[i];
        var site = bySpot.get(key);
        if (!site) {
          site = { type: "Feature", geometry: { type: "Point", coordinates: [ev.lon[i] / 1e5, ev.lat[i] / 1e5] }, properties: { ids: [] } };
          bySpot.set(key, site);
          sites.push(site);
        }
        site.properties.ids.push(i);
      });
      return sites;
    },

    _rebuild: function () {
      var types = this._payload ? this._payload.events.type : [];
      var nTypes = this._payload ? this._payload.types.length : 0;
      this._index = new Supercluster({
        radius: 60,
        minZoom: this._map ? this._map.getMinZoom() : 0,
        maxZoom: CLUSTER_MAX_ZOOM,
        map: function (props) {
          return { n: props.ids.length, c: typeCounts(props.ids, types, nTypes) };
        },
        reduce: function (acc, props) {
          var counts = acc.c.slice(); // acc may share its array with a finer cluster: never mutate it
          for (var t = 0; t < nTypes; t++) counts[t] += props.c[t];
          acc.c = counts;
          acc.n += props.n;
        },
      });
      this._index.load(this._payload ? this._sites() : []);
      this._drawn.forEach(function (marker) {
        this._group.removeLayer(marker);
      }, this);
      this._drawn.clear();
      this._draw();
    },

    _draw: function () {
      if (!this._map || !this._index) return;
      var bounds = this._map.getBounds().pad(0.25);
      var zoom = Math.round(this._map.getZoom());
      var items = this._index.getClusters([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], zoom);
      var next = new Map();
      items.forEach(function (item) {
        var props = item.properties, key, marker;
        if (props.cluster) {
          key = "c" + props.cluster_id;
          marker = this._drawn.get(key) || this._clusterMarker(item);
        } else if (props.ids.length > 1) {
          key = "s" + props.ids[0];
          marker = this._drawn.get(key) || this._siteMarker(item);
        } else {
          key = "p" + props.ids[0];
          marker = this._marker(props.ids[0]);
        }
        next.set(key, marker);
      }, this);
      this._drawn.forEach(function (marker, key) {
        if (!next.has(key)) this._group.removeLayer(marker);
      }, this);
      next.forEach(function (marker, key) {
        if (!this._drawn.has(key)) this._group.addLayer(marker);
      }, this);
      this._drawn = next;
    },

    _marker: function (i) {
      var marker = this._markers.get(i);
      if (marker) return marker;
      var payload = this._payload, ev = payload.events;
      var type = payload.types[ev.type[i]];
      var region = ev.shape[i] !== null;
      marker = L.marker([ev.lat[i] / 1e5, ev.lon[i] / 1e5], {
        icon: region ? type.regionIcon : type.pointIcon,
        title: type.label + " \u2014 " + (payload.text(ev.place[i]) || ""),
      });
      marker.geomapIndex = i;
      marker.on("click", function () {
        openPopup(this._map, marker.getLatLng(), [i]);
      }, this);
      this._markers.set(i, marker);
      return marker;
    },

    /* Several incidents here: zoom in on click while that splits them, else list them all. */
    _clusterMarker: function (item) {
      var props = item.properties, index = this._index, map = this._map;
      var latlng = L.latLng(item.geometry.coordinates[1], item.geometry.coordinates[0]);
      var marker = L.marker(latlng, { icon: clusterIcon(props, this._payload.types), title: props.n + " incidents" });
      marker.geomapCount = props.n;
      marker.on("click", function () {
        var zoom = index.getClusterExpansionZoom(props.cluster_id);
        if (zoom > map.getZoom() && zoom <= map.getMaxZoom()) {
          map.flyTo(latlng, zoom);
        } else {
          var ids = [];
          index.getLeaves(props.cluster_id, Infinity).forEach(function (site) {
            ids.push.apply(ids, site.properties.ids);
          });
          openPopup(map, latlng, ids);
        }
      });
      return marker;
    },

    /* Several incidents at one exact spot (say, a town's coordinates): one bubble, one list. */
    _siteMarker: function (item) {
      var props = item.properties, map = this._map;
      var latlng = L.latLng(item.geometry.coordinates[1], item.geometry.coordinates[0]);
      var payload = this._payload;
      var counts = { n: props.ids.length, c: typeCounts(props.ids, payload.events.type, payload.types.length) };
      var marker = L.marker(latlng, { icon: clusterIcon(counts, this._payload.types), title: counts.n + " incidents here" });
      marker.geomapCount = counts.n;
      marker.on("click", function () {
        openPopup(map, latlng, props.ids);
      });
      return marker;
    },
  });

  geomap.clusterLayer = function (loaded) {
    return new ClusterLayer(loaded);
  };

  function openPopup(map, latlng, indices) {
    L.popup({ maxWidth: 380, maxHeight: 340, offset: [0, -8] })
      .setLatLng(latlng)
      .setContent(geomap.popupContent(geomap.payload, indices))
      .openOn(map);
  }

  /* A cluster bubble: a ring split by the types inside, and the count. */
  function typeCounts(ids, typeOf, nTypes) {
    var counts = new Array(nTypes).fill(0);
    for (var k = 0; k < ids.length; k++) counts[typeOf[ids[k]]]++;
    return counts;
  }

  function clusterIcon(props, types) {
    var total = props.n, done = 0, stops = [];
    types.forEach(function (type, t) {
      var n = props.c[t];
      if (!n) return;
      stops.push(type.color + " " + (done / total) * 360 + "deg " + ((done + n) / total) * 360 + "deg");
      done += n;
    });
    var size = total < 10 ? 30 : total < 100 ? 36 : total < 1000 ? 42 : 48;
    return L.divIcon({
      html: '<div class="gm-ring" style="background:conic-gradient(' + stops.join(",") + ')"><span>' + total + "</span></div>",
      className: "gm-cluster",
      iconSize: L.point(size, size),
    });
  }

  /* Controls ------------------------------------------------------------------------------------ */

  function legendControl(payload, timelines, title) {
    var Legend = L.Control.extend({
      options: { position: "bottomright" },
      onAdd: function () {
        var box = el(null, "div", "leaflet-control gm-legend");
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        var toggle = el(box, "button", "gm-legend-toggle", title);
        toggle.type = "button";
        toggle.setAttribute("aria-expanded", "true");
        var body = el(box, "div", "gm-legend-body");
        toggle.addEventListener("click", function () {
          var open = body.hidden;
          body.hidden = !open;
          toggle.setAttribute("aria-expanded", String(open));
        });
        var list = el(body, "ul", "gm-legend-types");
        payload.types.forEach(function (type, t) {
          var item = el(list, "li");
          el(item, "span", "gm-key").innerHTML = iconHtml(type, false);
          el(item, "span", null, type.label + " (" + timelines[t].count + ")");
        });
        if (!payload.types.length) el(list, "li", null, "No incidents to map");
        var key = el(body, "ul", "gm-legend-key");
        var exact = el(key, "li");
        el(exact, "span", "gm-key").innerHTML = iconHtml(payload.keyIcon, false);
        el(exact, "span", null, "incident at a town or site");
        var region = el(key, "li");
        el(region, "span", "gm-key").innerHTML = iconHtml(payload.keyIcon, true);
        el(region, "span", null, "incident somewhere in the dashed area (state, region, sea)");
        var ring = el(key, "li");
        el(ring, "span", "gm-key gm-key-ring");
        el(ring, "span", null, "cluster: count, ring split by type; click to zoom in or list");
        if (payload.dayRange) {
          el(body, "p", "gm-legend-note", "The slider shows incidents whose dates overlap the chosen window; undated ones always show.");
        }
        return box;
      },
    });
    return new Legend();
  }

  function searchControl(payload) {
    var places = payload.places;
    var names = places.name.map(function (s) {
      return payload.text(s) || "";
    });
    var keys = names.map(normalize);
    var Search = L.Control.extend({
      options: { position: "topleft" },
      onAdd: function (map) {
        var box = el(null, "div", "leaflet-control gm-search");
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        var input = el(box, "input", "gm-search-input");
        input.type = "search";
        input.placeholder = "Search places\u2026";
        input.setAttribute("aria-label", "Search places");
        var results = el(box, "ul", "gm-search-results");
        results.setAttribute("role", "listbox");
        input.addEventListener("input", function () {
          results.textContent = "";
          var query = normalize(input.value);
          if (!query) return;
          var starts = [], contains = [];
          for (var p = 0; p < keys.length && starts.length < 10; p++) {
            var at = keys[p].indexOf(query);
            if (at === 0) starts.push(p);
            else if (at > 0 && contains.length < 10) contains.push(p);
          }
          var hits = starts.concat(contains).slice(0, 10);
          if (!hits.length) el(results, "li", "gm-search-none", "No place matches");
          hits.forEach(function (p) {
            var item = el(results, "li", "gm-search-hit");
            item.setAttribute("role", "option");
            item.tabIndex = 0;
            var country = payload.text(places.country[p]);
            el(item, "span", null, names[p] + (country ? ", " + country : ""));
            el(item, "span", "gm-search-n", " " + places.events[p] + " incident" + (places.events[p] === 1 ? "" : "s"));
            var go = function () {
              goTo(map, p);
              results.textContent = "";
            };
            // (the hit leaves the page once clicked, so Leaflet would no longer see the click as the control's
            // and would close the popup just opened as a click on the map)
            item.addEventListener("click", function (e) {
              L.DomEvent.stopPropagation(e);
              go();
            });
            item.addEventListener("keydown", function (e) {
              if (e.key === "Enter") go();
            });
          });
        });
        input.addEventListener("keydown", function (e) {
          if (e.key === "Enter" && results.firstChild && results.firstChild.classList.contains("gm-search-hit")) {
            results.firstChild.click();
          }
        });
        return box;
      },
    });

    /* Fly to a place and name it in a popup once there. Leaflet drops a view asked for while a zoom
       animation runs, so a search made then waits for it to end. */
    function goTo(map, p) {
      if (map._animatingZoom) {
        map.once("zoomend", function () { goTo(map, p); });
        return;
      }
      var latlng = L.latLng(places.lat[p] / 1e5, places.lon[p] / 1e5);
      var shape = places.shape[p];
      var note = el(null, "div", "gm-place-popup");
      el(note, "strong", null, names[p]);
      el(note, "div", null, places.events[p] + " incident" + (places.events[p] === 1 ? "" : "s") + " here");
      var popup = L.popup().setLatLng(latlng).setContent(note);
      map.once("moveend", function () { popup.openOn(map); });
      if (shape !== null) map.fitBounds(L.geoJSON(payload.shapes[shape]).getBounds(), { maxZoom: 10 });
      else map.setView(latlng, Math.max(map.getZoom(), 11));
    }
    return new Search();
  }

  function normalize(text) {
    return text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  }

  var WINDOWS = [
    ["all dates up to the slider", Infinity],
    ["1 year up to the slider", 365],
    ["3 months up to the slider", 91],
    ["1 month up to the slider", 30],
    ["1 week up to the slider", 7],
    ["the slider's day", 1],
  ];

  function addWindowSelect(slider) {
    var row = el(slider.container, "div", "gm-window");
    var label = el(row, "label", null, "Show ");
    var select = el(label, "select", "gm-window-select");
    WINDOWS.forEach(function (w, k) {
      var option = el(select, "option", null, w[0]);
      option.value = String(k);
    });
    select.addEventListener("change", function () {
      geomap.windowDays = WINDOWS[+select.value][1];
      slider.setTime(slider.time);
    });
    L.DomEvent.disableClickPropagation(row);
  }

  /* Start: called once every layer and the slider exist ---------------------------------------- */

  geomap.start = function (map, loaded, timelines, slider, clusters, options) {
    geomap.map = map;
    geomap.timelines = timelines;
    geomap.slider = slider;
    geomap.clusters = clusters;
    if (options.bounds) {
      // no animation: the first view is there at once, so early clicks land where they aim
      map.fitBounds(options.bounds, { padding: [30, 30], maxZoom: 9, animate: false });
    }
    loaded.then(
      function (payload) {
        var begun = performance.now();
        legendControl(payload, timelines, options.title).addTo(map);
        searchControl(payload).addTo(map);
        if (slider) {
          // the timelines got their data after the slider measured them: measure again
          slider.removeTimelines.apply(slider, timelines);
          slider.addTimelines.apply(slider, timelines);
          addWindowSelect(slider);
          slider.setTime(slider.end);
        } else {
          timelines.forEach(function (t) {
            t.setTime(t.end);
          });
        }
        performance.mark("geomap:layers-built");
        queueMicrotask(function () {
          // after the clusters' rebuild, which the first draw queued before this
          geomap.startMs = performance.now() - begun;
          geomap.readyAt = performance.now(); // since navigation start
          geomap.ready = true;
          document.documentElement.setAttribute("data-geomap-ready", "true");
          document.dispatchEvent(new CustomEvent("geomap:ready"));
        });
      },
      function (error) {
        var box = el(null, "div", "leaflet-control gm-error", "The map data could not be read: " + error);
        var Note = L.Control.extend({
          onAdd: function () {
            return box;
          },
        });
        new Note({ position: "topright" }).addTo(map);
      }
    );
  };
})();
