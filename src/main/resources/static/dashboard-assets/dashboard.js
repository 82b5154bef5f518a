// Draws every chart of a dashboard page (docs/dashboard.md). A chart is a <div class="chart"> naming its kind
// (data-chart), the <script type="application/json"> block holding its data (data-source) and its place in that block's
// list (data-index). The data are written by the server; nothing here builds HTML from them. A chart drawn gets
// data-rendered="true"; clicking a bar opens data.links[i] (a point of a line, data.series[s].links[i]), a path of this site.
(function () {
  'use strict';

  function sameSitePath(link) {
    return typeof link === 'string' && link.charAt(0) === '/' && link.charAt(1) !== '/';
  }

  // axis labels and tooltips written as the page is: 1 234,5 in French, 1,234.5 in English
  var numberFormat = new Intl.NumberFormat(document.documentElement.lang || 'fr', {maximumFractionDigits: 2});

  function formatted(value) {
    return value === null || value === undefined || value === '-' ? '—' : numberFormat.format(value);
  }

  function valueAxis() {
    return {type: 'value', axisLabel: {formatter: formatted}};
  }

  function numbers(values) {
    return values.map(function (v) { return v === null ? null : Number(v); });
  }

  var kinds = {
    // one series of bars: data.categories, data.values, data.links (one per bar)
    bars: function (data) {
      return {
        tooltip: {trigger: 'axis', valueFormatter: formatted},
        grid: {left: 90, right: 20, top: 20, bottom: 40},
        xAxis: {type: 'category', data: data.categories},
        yAxis: valueAxis(),
        series: [{type: 'bar', data: numbers(data.values), itemStyle: {color: '#2f6f9f'}}]
      };
    },
    // one series of horizontal bars, the categories top down: for many categories with long names (recovery stages)
    hbars: function (data) {
      return {
        tooltip: {trigger: 'axis', valueFormatter: formatted},
        grid: {left: 230, right: 30, top: 10, bottom: 30},
        yAxis: {type: 'category', data: data.categories, inverse: true, axisLabel: {interval: 0}},
        xAxis: valueAxis(),
        series: [{type: 'bar', data: numbers(data.values), itemStyle: {color: '#2f6f9f'}}]
      };
    },
    // stacked bars over months: data.months, data.series [{name, values}], data.links (one per month)
    stacked: function (data) {
      return {
        tooltip: {trigger: 'axis', valueFormatter: formatted},
        legend: {top: 0},
        grid: {left: 90, right: 20, top: 40, bottom: 40},
        xAxis: {type: 'category', data: data.months},
        yAxis: valueAxis(),
        series: data.series.map(function (s) {
          return {type: 'bar', stack: 'total', name: s.name, data: numbers(s.values)};
        })
      };
    },
    // lines over months: data.months, data.series [{name, values, links}] (null: no figure that month; links, one per
    // month, optional: clicking a point opens its series' link)
    lines: function (data) {
      return {
        tooltip: {trigger: 'axis', valueFormatter: formatted},
        legend: {top: 0},
        grid: {left: 60, right: 20, top: 40, bottom: 40},
        xAxis: {type: 'category', data: data.months},
        yAxis: valueAxis(),
        series: data.series.map(function (s) {
          return {type: 'line', name: s.name, data: numbers(s.values), connectNulls: false};
        })
      };
    }
  };

  function draw(element) {
    var source = document.getElementById(element.getAttribute('data-source'));
    var kind = kinds[element.getAttribute('data-chart')];
    if (!source || !kind || typeof echarts === 'undefined') {
      return;
    }
    var all = JSON.parse(source.textContent);
    var data = all[Number(element.getAttribute('data-index') || 0)];
    if (!data) {
      return;
    }
    var chart = echarts.init(element, null, {renderer: 'canvas'});
    chart.setOption(kind(data));
    chart.on('click', function (event) {
      var series = data.series && data.series[event.seriesIndex];
      var link = series && series.links ? series.links[event.dataIndex] : data.links && data.links[event.dataIndex];
      if (sameSitePath(link)) {
        window.location.assign(link);
      }
    });
    window.addEventListener('resize', function () { chart.resize(); });
    element.setAttribute('data-rendered', 'true');
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('.chart[data-chart]'), draw);
  });
}());
