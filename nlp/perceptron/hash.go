// Package perceptron is the learning machinery behind dyad's tagger, parser and
// entity tagger: an averaged multi-class perceptron over hashed sparse
// features, trained with lazy averaging and frozen into a compact read-only
// table that many goroutines can score against at once.
//
// Features are 64-bit hashes built without allocation: a string is hashed once
// per token (String), and a template combines a template number with value
// hashes (F1..F4), so the hot path is integer arithmetic only.
package perceptron

// String hashes s with FNV-1a. Callers hash each token's strings once and
// combine the results, never hashing per feature.
func String(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// mix is the splitmix64 finaliser: cheap and well spread.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// F1 is the feature of template t with one value.
func F1(t, a uint64) uint64 { return mix(t*0x9e3779b97f4a7c15 ^ a) }

// F2 is the feature of template t with two values.
func F2(t, a, b uint64) uint64 { return mix(F1(t, a) ^ b*0xc2b2ae3d27d4eb4f) }

// F3 is the feature of template t with three values.
func F3(t, a, b, c uint64) uint64 { return mix(F2(t, a, b) ^ c*0x165667b19e3779f9) }

// F4 is the feature of template t with four values.
func F4(t, a, b, c, d uint64) uint64 { return mix(F3(t, a, b, c) ^ d*0x27d4eb2f165667c5) }
