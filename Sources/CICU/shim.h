// Stable, version-free names for the ICU C functions policy-extract uses.
// ICU renames every function with a version suffix through macros (ubrk_open -> ubrk_open_72),
// which Swift cannot import; these forwarders hide the suffix.
#ifndef CICU_SHIM_H
#define CICU_SHIM_H

#include <unicode/utypes.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/uchar.h>
#include <unicode/utrans.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

// Charset detection
static inline UCharsetDetector *cicu_ucsdet_open(UErrorCode *e) { return ucsdet_open(e); }
static inline void cicu_ucsdet_close(UCharsetDetector *d) { ucsdet_close(d); }
static inline void cicu_ucsdet_setText(UCharsetDetector *d, const char *t, int32_t n, UErrorCode *e) { ucsdet_setText(d, t, n, e); }
static inline const UCharsetMatch **cicu_ucsdet_detectAll(UCharsetDetector *d, int32_t *n, UErrorCode *e) { return ucsdet_detectAll(d, n, e); }
static inline const char *cicu_ucsdet_getName(const UCharsetMatch *m, UErrorCode *e) { return ucsdet_getName(m, e); }
static inline int32_t cicu_ucsdet_getConfidence(const UCharsetMatch *m, UErrorCode *e) { return ucsdet_getConfidence(m, e); }

// Conversion, stopping at the first byte sequence that does not decode
static inline UConverter *cicu_ucnv_open(const char *name, UErrorCode *e) { return ucnv_open(name, e); }
static inline void cicu_ucnv_close(UConverter *c) { ucnv_close(c); }
static inline void cicu_ucnv_reset(UConverter *c) { ucnv_reset(c); }
static inline void cicu_ucnv_setStopOnError(UConverter *c, UErrorCode *e) {
    ucnv_setToUCallBack(c, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, e);
}
static inline void cicu_ucnv_toUnicode(UConverter *c, UChar **target, const UChar *targetLimit,
                                       const char **source, const char *sourceLimit, UBool flush, UErrorCode *e) {
    ucnv_toUnicode(c, target, targetLimit, source, sourceLimit, NULL, flush, e);
}
static inline void cicu_ucnv_getInvalidChars(const UConverter *c, char *buf, int8_t *len, UErrorCode *e) {
    ucnv_getInvalidChars(c, buf, len, e);
}

static inline int32_t cicu_ucnv_fromUChars(UConverter *c, char *dest, int32_t cap, const UChar *src, int32_t len, UErrorCode *e) {
    return ucnv_fromUChars(c, dest, cap, src, len, e);
}
static inline void cicu_ucnv_setFromUStop(UConverter *c, UErrorCode *e) {
    ucnv_setFromUCallBack(c, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, e);
}

// Sentence break
static inline UBreakIterator *cicu_ubrk_open_sentence(const UChar *text, int32_t n, UErrorCode *e) {
    return ubrk_open(UBRK_SENTENCE, "zh", text, n, e);
}
static inline void cicu_ubrk_close(UBreakIterator *b) { ubrk_close(b); }
static inline void cicu_ubrk_setText(UBreakIterator *b, const UChar *text, int32_t n, UErrorCode *e) { ubrk_setText(b, text, n, e); }
static inline int32_t cicu_ubrk_first(UBreakIterator *b) { return ubrk_first(b); }
static inline int32_t cicu_ubrk_next(UBreakIterator *b) { return ubrk_next(b); }
/// The Sentence_Break property value (USentenceBreak) of a code point.
static inline int32_t cicu_sentence_break(UChar32 c) { return u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK); }

// Normalization
static inline const UNormalizer2 *cicu_unorm2_nfkc(UErrorCode *e) { return unorm2_getNFKCInstance(e); }
static inline int32_t cicu_unorm2_normalize(const UNormalizer2 *n, const UChar *s, int32_t len, UChar *dest, int32_t cap, UErrorCode *e) {
    return unorm2_normalize(n, s, len, dest, cap, e);
}

// Transliteration
static inline UTransliterator *cicu_utrans_open(const UChar *id, int32_t idLen, UErrorCode *e) {
    return utrans_openU(id, idLen, UTRANS_FORWARD, NULL, 0, NULL, e);
}
static inline void cicu_utrans_close(UTransliterator *t) { utrans_close(t); }
static inline void cicu_utrans_transUChars(const UTransliterator *t, UChar *text, int32_t *len, int32_t cap, int32_t start, int32_t *limit, UErrorCode *e) {
    utrans_transUChars(t, text, len, cap, start, limit, e);
}

// Rule-based number format (spell-out), used to read Chinese numerals
static inline UNumberFormat *cicu_unum_open_spellout(const char *locale, UErrorCode *e) {
    return unum_open(UNUM_SPELLOUT, NULL, 0, locale, NULL, e);
}
static inline void cicu_unum_close(UNumberFormat *f) { unum_close(f); }
static inline double cicu_unum_parseDouble(const UNumberFormat *f, const UChar *text, int32_t len, int32_t *pos, UErrorCode *e) {
    return unum_parseDouble(f, text, len, pos, e);
}

#endif
