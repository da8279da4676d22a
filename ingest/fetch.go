package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"syscall"
	"time"
)

// FetchOptions are the limits of fetching feeds and pages.
type FetchOptions struct {
	// AllowPrivate allows addresses on loopback, private, link-local and
	// other non-public networks. Off by default: a feed must not make dyad
	// reach into the network it runs in.
	AllowPrivate bool
	// MaxBytes bounds a response body; Timeout a whole request.
	MaxBytes int64
	Timeout  time.Duration
}

// ErrBlockedAddress is returned for a connection to a non-public address
// when AllowPrivate is off.
var ErrBlockedAddress = errors.New("address not public (allow with --allow-private)")

// maxRedirects bounds a redirect chain.
const maxRedirects = 5

// Fetcher fetches http(s) resources within its options' limits.
type Fetcher struct {
	client   *http.Client
	maxBytes int64
}

// NewFetcher returns a fetcher. The address check is made on the address
// actually dialled, after name resolution and for every redirect, so that
// neither a DNS name nor a redirect can lead past it.
func NewFetcher(o FetchOptions) *Fetcher {
	if o.MaxBytes <= 0 {
		o.MaxBytes = 10 << 20
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	dialer := &net.Dialer{Timeout: 10 * time.Second}
	if !o.AllowPrivate {
		dialer.Control = func(network, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("%s: %w", address, err)
			}
			if !public(ap.Addr()) {
				return fmt.Errorf("%s: %w", ap.Addr(), ErrBlockedAddress)
			}
			return nil
		}
	}
	transport := &http.Transport{
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 20 * time.Second,
		MaxIdleConnsPerHost:   4,
	}
	return &Fetcher{
		maxBytes: o.MaxBytes,
		client: &http.Client{
			Transport: transport,
			Timeout:   o.Timeout,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) >= maxRedirects {
					return fmt.Errorf("more than %d redirects", maxRedirects)
				}
				return checkScheme(req.URL)
			},
		},
	}
}

// public says whether an address is on the public internet.
func public(a netip.Addr) bool {
	a = a.Unmap()
	return a.IsGlobalUnicast() && !a.IsPrivate() && !a.IsLoopback() && !a.IsLinkLocalUnicast() &&
		!netip.MustParsePrefix("100.64.0.0/10").Contains(a) && // carrier-grade NAT
		!netip.MustParsePrefix("fc00::/7").Contains(a)
}

func checkScheme(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%s: only http and https are fetched", u.Redacted())
	}
	return nil
}

// Get fetches rawURL and returns its body, the URL it ended at and its
// content type.
func (f *Fetcher) Get(ctx context.Context, rawURL string) (body []byte, final, contentType string, err error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, "", "", err
	}
	if err := checkScheme(u); err != nil {
		return nil, "", "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, "", "", err
	}
	req.Header.Set("User-Agent", "dyad (+https://github.com/dyad-org/dyad)")
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, "", "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", "", fmt.Errorf("%s: HTTP %s", u.Redacted(), resp.Status)
	}
	body, err = io.ReadAll(io.LimitReader(resp.Body, f.maxBytes+1))
	if err != nil {
		return nil, "", "", fmt.Errorf("%s: %w", u.Redacted(), err)
	}
	if int64(len(body)) > f.maxBytes {
		return nil, "", "", fmt.Errorf("%s: response over %d bytes", u.Redacted(), f.maxBytes)
	}
	return body, resp.Request.URL.String(), resp.Header.Get("Content-Type"), nil
}
