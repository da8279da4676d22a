package store

import (
	"crypto/sha256"
	"encoding/hex"
	"hash/fnv"
	"math/bits"
	"strings"
	"unicode"
)

// Near-duplicate detection. Syndicated copies of a story differ in a
// headline, a byline or a closing line; a 64-bit SimHash of the story's word
// trigrams then differs in a few bits. Two stories are copies when their
// hashes differ in at most maxDistance bits. Cutting the hash into
// maxDistance+1 bands of 16 bits, a copy shares at least one band whole with
// its original (pigeonhole), so candidates are found by an indexed lookup of
// the bands instead of a scan.
const (
	maxDistance = 3
	bands       = 4
	// minShingles is the shortest story compared: the hashes of short
	// items, such as one-sentence wire briefs, are too close to tell apart
	// stories that share a stock phrase.
	minShingles = 40
)

// fingerprint is what identifies a text: an exact hash of its words and a
// SimHash of its word trigrams (zero when it is too short to compare).
type fingerprint struct {
	exact   string
	simhash uint64
}

func fingerprintOf(text string) fingerprint {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	// Exact copies are the same words in the same order, whatever the
	// white space and punctuation between them.
	sum := sha256.Sum256([]byte(strings.Join(words, " ")))
	fp := fingerprint{exact: hex.EncodeToString(sum[:])}
	if len(words) < minShingles+2 {
		return fp
	}
	var votes [64]int
	h := fnv.New64a()
	for i := 0; i+3 <= len(words); i++ {
		h.Reset()
		h.Write([]byte(words[i]))
		h.Write([]byte{0})
		h.Write([]byte(words[i+1]))
		h.Write([]byte{0})
		h.Write([]byte(words[i+2]))
		x := h.Sum64()
		for b := range 64 {
			if x&(1<<b) != 0 {
				votes[b]++
			} else {
				votes[b]--
			}
		}
	}
	for b, v := range votes {
		if v > 0 {
			fp.simhash |= 1 << b
		}
	}
	if fp.simhash == 0 { // zero means "not compared"
		fp.simhash = 1
	}
	return fp
}

// band is the i-th 16-bit band of a SimHash.
func band(h uint64, i int) int64 { return int64(h >> (16 * i) & 0xffff) }

func near(a, b uint64) bool { return bits.OnesCount64(a^b) <= maxDistance }
