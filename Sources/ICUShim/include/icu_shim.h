// The ICU calls policy-extract makes, behind a header that names no ICU type.
//
// ICU renames every C function with a version suffix through macros (ubrk_open -> ubrk_open_72), which Swift
// cannot import, and Foundation carries an ICU of its own whose C types clash with the system ICU's in any
// Swift module that sees both. So this header declares plain functions over opaque handles, UTF-16 code units
// (uint16_t) and ICU's error codes as int32_t (above zero: an error; below: a warning); only icu_shim.c
// includes ICU's headers. ICUBridge imports it like any module.
#ifndef ICU_SHIM_H
#define ICU_SHIM_H

#include <stdint.h>

typedef struct icu_shim_detector icu_shim_detector;
typedef struct icu_shim_match icu_shim_match;
typedef struct icu_shim_converter icu_shim_converter;
typedef struct icu_shim_breaker icu_shim_breaker;
typedef struct icu_shim_normalizer icu_shim_normalizer;
typedef struct icu_shim_transliterator icu_shim_transliterator;
typedef struct icu_shim_number_format icu_shim_number_format;

/// ICU's U_BUFFER_OVERFLOW_ERROR: the output did not fit; the length returned is the one needed.
extern const int32_t icu_shim_buffer_overflow;

// Charset detection
icu_shim_detector *icu_shim_detector_open(int32_t *error);
void icu_shim_detector_close(icu_shim_detector *d);
void icu_shim_detector_set_text(icu_shim_detector *d, const char *text, int32_t length, int32_t *error);
const icu_shim_match *const *icu_shim_detector_detect_all(icu_shim_detector *d, int32_t *count, int32_t *error);
const char *icu_shim_match_name(const icu_shim_match *m, int32_t *error);
int32_t icu_shim_match_confidence(const icu_shim_match *m, int32_t *error);

// Conversion, stopping at the first byte sequence that does not decode (or character that does not encode)
icu_shim_converter *icu_shim_converter_open(const char *name, int32_t *error);
void icu_shim_converter_close(icu_shim_converter *c);
void icu_shim_converter_reset(icu_shim_converter *c);
void icu_shim_converter_stop_on_error(icu_shim_converter *c, int32_t *error);
void icu_shim_converter_to_unicode(icu_shim_converter *c, uint16_t **target, const uint16_t *target_limit,
                                   const char **source, const char *source_limit, int8_t flush, int32_t *error);
void icu_shim_converter_invalid_chars(const icu_shim_converter *c, char *buffer, int8_t *length, int32_t *error);
void icu_shim_converter_stop_on_unencodable(icu_shim_converter *c, int32_t *error);
int32_t icu_shim_converter_from_unicode(icu_shim_converter *c, char *dest, int32_t capacity,
                                        const uint16_t *source, int32_t length, int32_t *error);

// Sentence break (locale zh)
icu_shim_breaker *icu_shim_sentence_breaker_open(const uint16_t *text, int32_t length, int32_t *error);
void icu_shim_breaker_close(icu_shim_breaker *b);
void icu_shim_breaker_set_text(icu_shim_breaker *b, const uint16_t *text, int32_t length, int32_t *error);
int32_t icu_shim_breaker_first(icu_shim_breaker *b);
/// The next boundary, or a negative number when there is none.
int32_t icu_shim_breaker_next(icu_shim_breaker *b);
/// The Sentence_Break property value (ICU's USentenceBreak numbering) of a code point.
int32_t icu_shim_sentence_break(int32_t code_point);

// Normalization (the shared NFKC instance: never closed)
const icu_shim_normalizer *icu_shim_nfkc(int32_t *error);
int32_t icu_shim_normalize(const icu_shim_normalizer *n, const uint16_t *source, int32_t length,
                           uint16_t *dest, int32_t capacity, int32_t *error);

// Transliteration
icu_shim_transliterator *icu_shim_transliterator_open(const uint16_t *id, int32_t length, int32_t *error);
void icu_shim_transliterator_close(icu_shim_transliterator *t);
void icu_shim_transliterate(const icu_shim_transliterator *t, uint16_t *text, int32_t *length, int32_t capacity,
                            int32_t start, int32_t *limit, int32_t *error);

// Rule-based number format (spell-out), to read Chinese numerals
icu_shim_number_format *icu_shim_spellout_open(const char *locale, int32_t *error);
void icu_shim_number_format_close(icu_shim_number_format *f);
double icu_shim_parse_double(const icu_shim_number_format *f, const uint16_t *text, int32_t length,
                             int32_t *position, int32_t *error);

#endif
