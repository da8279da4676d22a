// Command mapgen derives approximate country shapes from GeoNames city
// locations and writes web/static/countries.json. No boundary data set is
// available offline, so each country becomes the union of convex hulls of its
// city clusters (cities buffered by a small disc so that sparse or linear
// countries still get an area); countries with fewer than three cities
// become a disc sized from their land area.
//
// Run from the repository root: go run ./web/mapgen
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

type point struct{ lon, lat float64 }

type country struct {
	iso2, iso3, name string
	areaKm2          float64
	cities           []point
}

// clusterGap is the single-linkage distance (degrees) above which cities of one
// country are drawn as separate polygons (e.g. Alaska, Hawaii, islands);
// without it a convex hull would cover whole oceans.
const clusterGap = 4.0

// cityRadius buffers each city (degrees) so hulls cover the land around it.
const cityRadius = 0.35

func main() {
	data := flag.String("data", "../shared/data/geonames", "directory holding cities15000.txt and countryInfo.tsv")
	out := flag.String("out", "web/static/countries.json", "output file")
	flag.Parse()

	countries, err := readCountries(filepath.Join(*data, "countryInfo.tsv"))
	if err != nil {
		log.Fatal(err)
	}
	if err := readCities(filepath.Join(*data, "cities15000.txt"), countries); err != nil {
		log.Fatal(err)
	}

	type feature struct {
		Name  string         `json:"name"`
		Polys [][][2]float64 `json:"polys"`
	}
	res := map[string]feature{}
	for _, c := range countries {
		if len(c.cities) == 0 {
			continue // no location known
		}
		var polys [][][2]float64
		if len(c.cities) < 3 {
			polys = append(polys, disc(centroid(c.cities), areaRadius(c.areaKm2), 12))
		} else {
			for _, cl := range clusters(c.cities) {
				var pts []point
				for _, p := range cl {
					pts = append(pts, discPoints(p, cityRadius, 8)...)
				}
				polys = append(polys, round(hull(pts)))
			}
		}
		res[c.iso3] = feature{Name: c.name, Polys: polys}
	}
	b, err := json.Marshal(res)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("wrote %s: %d countries, %d bytes\n", *out, len(res), len(b))
}

func readCountries(path string) (map[string]*country, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := map[string]*country{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		fs := strings.Split(line, "\t")
		if len(fs) < 7 {
			continue
		}
		area, _ := strconv.ParseFloat(fs[6], 64)
		m[fs[0]] = &country{iso2: fs[0], iso3: fs[1], name: fs[4], areaKm2: area}
	}
	return m, sc.Err()
}

func readCities(path string, countries map[string]*country) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 9 {
			continue
		}
		lat, err1 := strconv.ParseFloat(fs[4], 64)
		lon, err2 := strconv.ParseFloat(fs[5], 64)
		c := countries[fs[8]]
		if err1 != nil || err2 != nil || c == nil {
			continue
		}
		c.cities = append(c.cities, point{lon, lat})
	}
	return sc.Err()
}

// clusters groups points by single linkage within clusterGap degrees.
func clusters(pts []point) [][]point {
	parent := make([]int, len(pts))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	// Sorting by longitude bounds the pair scan to a sliding window.
	idx := make([]int, len(pts))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return pts[idx[a]].lon < pts[idx[b]].lon })
	for a := range idx {
		for b := a + 1; b < len(idx) && pts[idx[b]].lon-pts[idx[a]].lon <= clusterGap; b++ {
			p, q := pts[idx[a]], pts[idx[b]]
			if math.Hypot(p.lon-q.lon, p.lat-q.lat) <= clusterGap {
				parent[find(idx[a])] = find(idx[b])
			}
		}
	}
	groups := map[int][]point{}
	var roots []int
	for i, p := range pts {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], p)
	}
	out := make([][]point, 0, len(roots))
	for _, r := range roots {
		out = append(out, groups[r])
	}
	return out
}

// hull is Andrew's monotone chain convex hull.
func hull(pts []point) []point {
	sort.Slice(pts, func(i, j int) bool {
		if pts[i].lon != pts[j].lon {
			return pts[i].lon < pts[j].lon
		}
		return pts[i].lat < pts[j].lat
	})
	cross := func(o, a, b point) float64 {
		return (a.lon-o.lon)*(b.lat-o.lat) - (a.lat-o.lat)*(b.lon-o.lon)
	}
	h := make([]point, 0, 2*len(pts))
	for _, p := range pts {
		for len(h) >= 2 && cross(h[len(h)-2], h[len(h)-1], p) <= 0 {
			h = h[:len(h)-1]
		}
		h = append(h, p)
	}
	lower := len(h) + 1
	for i := len(pts) - 2; i >= 0; i-- {
		p := pts[i]
		for len(h) >= lower && cross(h[len(h)-2], h[len(h)-1], p) <= 0 {
			h = h[:len(h)-1]
		}
		h = append(h, p)
	}
	return h[:len(h)-1]
}

func centroid(pts []point) point {
	var c point
	for _, p := range pts {
		c.lon += p.lon
		c.lat += p.lat
	}
	n := float64(len(pts))
	return point{c.lon / n, c.lat / n}
}

// areaRadius converts a land area to the radius (degrees) of an equal-area
// disc, clamped so tiny states stay visible and big ones stay plausible.
func areaRadius(km2 float64) float64 {
	r := math.Sqrt(km2/math.Pi) / 111
	return math.Max(0.4, math.Min(r, 5))
}

func discPoints(c point, r float64, n int) []point {
	pts := make([]point, n)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / float64(n)
		pts[i] = point{c.lon + r*math.Cos(a)/math.Max(0.2, math.Cos(c.lat*math.Pi/180)), c.lat + r*math.Sin(a)}
	}
	return pts
}

func disc(c point, r float64, n int) [][2]float64 { return round(discPoints(c, r, n)) }

// round keeps two decimals (about 1 km), plenty for an approximate map, and
// clamps to the valid coordinate range.
func round(pts []point) [][2]float64 {
	out := make([][2]float64, len(pts))
	for i, p := range pts {
		lon := math.Max(-180, math.Min(180, p.lon))
		lat := math.Max(-85, math.Min(85, p.lat))
		out[i] = [2]float64{math.Round(lon*100) / 100, math.Round(lat*100) / 100}
	}
	return out
}
