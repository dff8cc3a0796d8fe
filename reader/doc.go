// Package reader turns one RFC 5322 message, as fetched from the applicant's
// IMAP mailbox, into what a letter writer actually said.
//
// Parse walks the MIME tree with github.com/emersion/go-message, decodes
// transfer encodings and charsets, prefers text/plain over HTML (converting
// HTML to readable text when it is all there is), and extracts the sender's
// new words: quoted replies, the applicant's own forwarded message,
// signatures, confidentiality notices and mobile footers are removed. It
// also recognises automatic replies (out-of-office, vacation, "mailbox no
// longer monitored") from their headers, subject or wording, and extracts
// the return date they announce.
//
// Parse never panics and bounds its memory: it reads at most MaxInput bytes,
// keeps at most MaxBodyText bytes of decoded body text and at most
// MaxAttachmentText bytes of text per attachment.
package reader
