// Package record defines dyad's output: one Event per coded event and one
// Quote per attributed quotation, each with the evidence it came from. Every
// offset is a byte offset into the article's text, so a reader can always
// go back to the words that say what a record says.
//
// The JSON field names are dyad's own; the CSV and TSV writers use the column
// names of GDELT and Phoenix where a column means what theirs does
// (EventCode, EventRootCode, QuadClass, GoldsteinScale, Actor1Code, ...).
//
// # Formats
//
// NewWriter and NewQuoteWriter write one of three formats, flushing after
// each article:
//
//   - jsonl (the default): one JSON object a line, the Event or Quote as its
//     JSON tags name the fields; a missing actor is null.
//   - csv: RFC 4180 with a header row and "\n" line ends; a field holding a
//     comma, a quotation mark or a line break, or starting with white space,
//     is quoted, its quotation marks doubled, so evidence sentences survive
//     whole.
//   - tsv: the same with tabs between fields (and the same quoting), so any
//     CSV reader reads it when told the separator.
//
// In CSV and TSV, empty means unknown or none; offsets are byte offsets into
// the article text, End exclusive; a missing actor or span leaves its columns
// empty; booleans are true or false.
//
// # Event columns
//
//   - EventID: the event's ID (GDELT's GLOBALEVENTID).
//   - ArticleID: the ID of the article it comes from.
//   - Date: YYYYMMDD, as GDELT's SQLDATE and Phoenix's Date: the day the
//     event happened where the text says, else the article's date.
//   - EventDate: YYYY-MM-DD, the day the event happened from a time
//     expression of the text; empty where the text gives none (then Date is
//     the article's date).
//   - Published: YYYY-MM-DD, the article's date.
//   - Actor1Code, Actor1Name, Actor1CountryCode, Actor1Type1Code: the
//     source actor's CAMEO-style code ("IRNGOV"), canonical name where the
//     knowledge base knows it, country or region part ("IRN") and role part
//     ("GOV"), as in GDELT.
//   - Actor1Text, Actor1Start, Actor1End: the most informative mention of
//     the source in the article, and where the mention the event was coded
//     from is (which may be "he").
//   - Actor2Code, Actor2Name, Actor2CountryCode, Actor2Type1Code, Actor2Text,
//     Actor2Start, Actor2End: the same for the target.
//   - EventCode: the CAMEO code, 2 to 4 digits ("0231").
//   - EventBaseCode: its first three digits (the code itself when it has two).
//   - EventRootCode: its first two digits.
//   - EventName: the CAMEO name of the code.
//   - QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal
//     conflict, 4 material conflict.
//   - GoldsteinScale: the code's Goldstein score, -10 to +10.
//   - PloverType, PloverMode: the PLOVER event type and mode of the code.
//   - Negated: true where the text says the event did not happen.
//   - Evidence, SentenceStart, SentenceEnd: the sentence stating the event,
//     exactly as in the text, and where it is.
//   - Trigger, TriggerStart, TriggerEnd: the words expressing the event.
//   - QuoteStart, QuoteEnd: the quotation the event is stated in, when a
//     speaker states it in their own quoted words.
//   - ClaimedByCode, ClaimedByName, ClaimedByCountryCode,
//     ClaimedByType1Code, ClaimedByText, ClaimedByStart, ClaimedByEnd: the
//     actor whose statement reports the event ("X said that Y attacked Z"),
//     in the columns of Actor1; empty when the writer states it.
//   - Publisher: the article's publisher.
//   - SOURCEURL: the article's URL, as in GDELT.
//
// # Quote columns
//
//   - QuoteID: the quote's ID.
//   - ArticleID: the ID of the article it comes from.
//   - Date: YYYYMMDD, the quote's date; empty where unknown.
//   - SpeakerCode, SpeakerName, SpeakerCountryCode, SpeakerType1Code,
//     SpeakerText, SpeakerStart, SpeakerEnd: who said it, in the columns of
//     Actor1; empty when the article does not say.
//   - Text, Start, End: the quoted words without the quotation marks, exactly
//     as in the text, and where they are.
//   - Cue, CueStart, CueEnd: the words attributing the quote ("tweeted",
//     "according to"); empty when the speaker carries over from an earlier
//     quote.
package record

// Span is a byte range [Start, End) of the article text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Actor is a participant in an event, or a quote's speaker.
type Actor struct {
	// Text is the most informative mention of the actor in the article (a
	// name rather than "he"); Mention is the span of the mention in the
	// evidence sentence that the event was coded from (which may be "he").
	Text    string `json:"text"`
	Mention Span   `json:"mention"`
	// Code is the CAMEO-style actor code as of the article's date: "IRNGOV",
	// "PSEREBHMS", "IGOUNO". Country is its country or region part ("IRN"),
	// Role its role part ("GOV"), both empty where the code has none.
	Code    string `json:"code"`
	Country string `json:"country,omitempty"`
	Role    string `json:"role,omitempty"`
	// Name is the canonical name of the person or organisation when the
	// knowledge base knows it ("Hossein Amir-Abdollahian").
	Name string `json:"name,omitempty"`
}

// Evidence is where an event is stated.
type Evidence struct {
	Sentence     string `json:"sentence"`
	SentenceSpan Span   `json:"sentence_span"`
	Trigger      string `json:"trigger"`
	TriggerSpan  Span   `json:"trigger_span"`
	// Quote is the span of the quotation the event was stated in, when a
	// speaker stated it in their own quoted words; the event is the
	// speaker's claim.
	Quote *Span `json:"quote,omitempty"`
}

// Event is one coded event: who did what to whom, when, and where it says so.
type Event struct {
	ID        string `json:"id"`
	ArticleID string `json:"article_id"`
	// Date is the day the event happened (YYYY-MM-DD), from a time
	// expression of the text resolved against the article's date; empty when
	// the text gives none. Published is the article's date.
	Date      string `json:"date,omitempty"`
	Published string `json:"published,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	URL       string `json:"url,omitempty"`

	Source *Actor `json:"source"`
	Target *Actor `json:"target"`

	// CAMEO code ("0231"), its root ("02"), and the code's name.
	CAMEO     string  `json:"cameo"`
	Root      string  `json:"root"`
	Name      string  `json:"name"`
	Goldstein float64 `json:"goldstein"`
	// QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal
	// conflict, 4 material conflict.
	QuadClass  int      `json:"quad_class"`
	PloverType string   `json:"plover_type,omitempty"`
	PloverMode string   `json:"plover_mode,omitempty"`
	Negated    bool     `json:"negated"`
	Evidence   Evidence `json:"evidence"`
	// ClaimedBy is the actor whose statement reports the event ("X said that
	// Y attacked Z" is X's claim); nil when the writer states it.
	ClaimedBy *Actor `json:"claimed_by,omitempty"`
}

// Quote is a direct quotation and who said it.
type Quote struct {
	ID        string `json:"id"`
	ArticleID string `json:"article_id"`
	// Text is the quoted words without the quotation marks, exactly as in
	// the article; Span is where they are.
	Text string `json:"text"`
	Span Span   `json:"span"`
	// Speaker is nil when the article does not say who said it.
	Speaker *Actor `json:"speaker"`
	// Cue is the verb or phrase that attributes the quote ("tweeted",
	// "according to"), empty when the speaker carries over from an earlier
	// quote.
	Cue     string `json:"cue,omitempty"`
	CueSpan *Span  `json:"cue_span,omitempty"`
	Date    string `json:"date,omitempty"`
}
