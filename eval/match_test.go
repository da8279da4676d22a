package eval

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

func TestSpans(t *testing.T) {
	got := spans("abcabca", "abca")
	want := []span{{0, 4}, {3, 7}} // overlapping occurrences count too
	if !reflect.DeepEqual(got, want) {
		t.Errorf("spans = %v, want %v", got, want)
	}
	if spans("abc", "") != nil || spans("abc", "x") != nil {
		t.Error("empty or absent strings must have no span")
	}
	if overlap([]span{{0, 3}}, []span{{3, 5}}) {
		t.Error("touching spans must not overlap")
	}
	if !overlap([]span{{0, 3}, {10, 12}}, []span{{11, 20}}) {
		t.Error("any pair of occurrences may overlap")
	}
}

// TestMaxMatchingBruteForce checks the Hungarian matching against every
// possible matching of small random graphs: the size must be maximum and,
// among maximum matchings, the total preference maximal.
func TestMaxMatchingBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 2000; trial++ {
		n, m := rng.IntN(6), rng.IntN(6)
		okm := make([][]bool, n)
		pref := make([][]int, n)
		for i := range okm {
			okm[i] = make([]bool, m)
			pref[i] = make([]int, m)
			for j := range okm[i] {
				okm[i][j] = rng.IntN(2) == 0
				pref[i][j] = rng.IntN(3)
			}
		}
		ok := func(i, j int) bool { return okm[i][j] }
		prefer := func(i, j int) int { return pref[i][j] }
		got := maxMatching(n, m, ok, prefer)

		used := map[int]bool{}
		size, total := 0, 0
		for i, j := range got {
			if j < 0 {
				continue
			}
			if !ok(i, j) || used[j] {
				t.Fatalf("trial %d: invalid matching %v", trial, got)
			}
			used[j] = true
			size++
			total += prefer(i, j)
		}
		bestSize, bestTotal := best(0, n, m, ok, prefer, map[int]bool{})
		if size != bestSize || total != bestTotal {
			t.Fatalf("trial %d (%dx%d): got size %d prefer %d, want %d and %d", trial, n, m, size, total, bestSize, bestTotal)
		}
	}
}

// best enumerates all matchings of gold items i.. and returns the largest
// size and, for that size, the largest total preference.
func best(i, n, m int, ok func(i, j int) bool, prefer func(i, j int) int, used map[int]bool) (int, int) {
	if i == n {
		return 0, 0
	}
	bs, bt := best(i+1, n, m, ok, prefer, used)
	for j := 0; j < m; j++ {
		if used[j] || !ok(i, j) {
			continue
		}
		used[j] = true
		s, tot := best(i+1, n, m, ok, prefer, used)
		used[j] = false
		s, tot = s+1, tot+prefer(i, j)
		if s > bs || s == bs && tot > bt {
			bs, bt = s, tot
		}
	}
	return bs, bt
}
