package nlp

// speechForms are the word forms of the verbs that report speech, as the
// tagger and the parser meet them in reporting clauses ("..., police
// said") and before a reported clause ("said settlers attacked ...").
var speechForms = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "added": true, "adds": true,
	"reported": true, "stated": true, "announced": true, "claimed": true, "confirmed": true,
	"noted": true, "insisted": true, "explained": true, "wrote": true, "tweeted": true, "declared": true,
}

// SpeechForm reports whether a lower-case word form is a form of a verb
// that reports speech.
func SpeechForm(lower string) bool { return speechForms[lower] }
