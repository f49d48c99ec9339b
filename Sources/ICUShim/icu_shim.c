// The only file that includes ICU's headers; see include/icu_shim.h.
#include "icu_shim.h"

#include <unicode/utypes.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/uchar.h>
#include <unicode/utrans.h>
#include <unicode/unum.h>

_Static_assert(sizeof(UChar) == sizeof(uint16_t), "UChar is a UTF-16 code unit");
_Static_assert(sizeof(UErrorCode) == sizeof(int32_t), "UErrorCode is passed as int32_t");

const int32_t icu_shim_buffer_overflow = U_BUFFER_OVERFLOW_ERROR;

#define ERR(e) ((UErrorCode *)(e))

icu_shim_detector *icu_shim_detector_open(int32_t *e) { return (icu_shim_detector *)ucsdet_open(ERR(e)); }
void icu_shim_detector_close(icu_shim_detector *d) { ucsdet_close((UCharsetDetector *)d); }
void icu_shim_detector_set_text(icu_shim_detector *d, const char *t, int32_t n, int32_t *e) {
    ucsdet_setText((UCharsetDetector *)d, t, n, ERR(e));
}
const icu_shim_match *const *icu_shim_detector_detect_all(icu_shim_detector *d, int32_t *n, int32_t *e) {
    return (const icu_shim_match *const *)ucsdet_detectAll((UCharsetDetector *)d, n, ERR(e));
}
const char *icu_shim_match_name(const icu_shim_match *m, int32_t *e) { return ucsdet_getName((const UCharsetMatch *)m, ERR(e)); }
int32_t icu_shim_match_confidence(const icu_shim_match *m, int32_t *e) {
    return ucsdet_getConfidence((const UCharsetMatch *)m, ERR(e));
}

icu_shim_converter *icu_shim_converter_open(const char *name, int32_t *e) { return (icu_shim_converter *)ucnv_open(name, ERR(e)); }
void icu_shim_converter_close(icu_shim_converter *c) { ucnv_close((UConverter *)c); }
void icu_shim_converter_reset(icu_shim_converter *c) { ucnv_reset((UConverter *)c); }
void icu_shim_converter_stop_on_error(icu_shim_converter *c, int32_t *e) {
    ucnv_setToUCallBack((UConverter *)c, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, ERR(e));
}
void icu_shim_converter_to_unicode(icu_shim_converter *c, uint16_t **target, const uint16_t *target_limit,
                                   const char **source, const char *source_limit, int8_t flush, int32_t *e) {
    ucnv_toUnicode((UConverter *)c, (UChar **)target, (const UChar *)target_limit, source, source_limit, NULL, flush, ERR(e));
}
void icu_shim_converter_invalid_chars(const icu_shim_converter *c, char *buffer, int8_t *length, int32_t *e) {
    ucnv_getInvalidChars((const UConverter *)c, buffer, length, ERR(e));
}
void icu_shim_converter_stop_on_unencodable(icu_shim_converter *c, int32_t *e) {
    ucnv_setFromUCallBack((UConverter *)c, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, ERR(e));
}
int32_t icu_shim_converter_from_unicode(icu_shim_converter *c, char *dest, int32_t capacity,
                                        const uint16_t *source, int32_t length, int32_t *e) {
    return ucnv_fromUChars((UConverter *)c, dest, capacity, (const UChar *)source, length, ERR(e));
}

icu_shim_breaker *icu_shim_sentence_breaker_open(const uint16_t *text, int32_t n, int32_t *e) {
    return (icu_shim_breaker *)ubrk_open(UBRK_SENTENCE, "zh", (const UChar *)text, n, ERR(e));
}
void icu_shim_breaker_close(icu_shim_breaker *b) { ubrk_close((UBreakIterator *)b); }
void icu_shim_breaker_set_text(icu_shim_breaker *b, const uint16_t *text, int32_t n, int32_t *e) {
    ubrk_setText((UBreakIterator *)b, (const UChar *)text, n, ERR(e));
}
int32_t icu_shim_breaker_first(icu_shim_breaker *b) { return ubrk_first((UBreakIterator *)b); }
int32_t icu_shim_breaker_next(icu_shim_breaker *b) { return ubrk_next((UBreakIterator *)b); }
int32_t icu_shim_sentence_break(int32_t c) { return u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK); }

const icu_shim_normalizer *icu_shim_nfkc(int32_t *e) { return (const icu_shim_normalizer *)unorm2_getNFKCInstance(ERR(e)); }
int32_t icu_shim_normalize(const icu_shim_normalizer *n, const uint16_t *s, int32_t len, uint16_t *dest, int32_t cap, int32_t *e) {
    return unorm2_normalize((const UNormalizer2 *)n, (const UChar *)s, len, (UChar *)dest, cap, ERR(e));
}

icu_shim_transliterator *icu_shim_transliterator_open(const uint16_t *id, int32_t n, int32_t *e) {
    return (icu_shim_transliterator *)utrans_openU((const UChar *)id, n, UTRANS_FORWARD, NULL, 0, NULL, ERR(e));
}
void icu_shim_transliterator_close(icu_shim_transliterator *t) { utrans_close((UTransliterator *)t); }
void icu_shim_transliterate(const icu_shim_transliterator *t, uint16_t *text, int32_t *length, int32_t capacity,
                            int32_t start, int32_t *limit, int32_t *e) {
    utrans_transUChars((const UTransliterator *)t, (UChar *)text, length, capacity, start, limit, ERR(e));
}

icu_shim_number_format *icu_shim_spellout_open(const char *locale, int32_t *e) {
    return (icu_shim_number_format *)unum_open(UNUM_SPELLOUT, NULL, 0, locale, NULL, ERR(e));
}
void icu_shim_number_format_close(icu_shim_number_format *f) { unum_close((UNumberFormat *)f); }
double icu_shim_parse_double(const icu_shim_number_format *f, const uint16_t *text, int32_t n, int32_t *position, int32_t *e) {
    return unum_parseDouble((const UNumberFormat *)f, (const UChar *)text, n, position, ERR(e));
}
