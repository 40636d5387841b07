#ifndef RETOLD_CLIBXML2_SHIM_H
#define RETOLD_CLIBXML2_SHIM_H

/* libxml2 built with ICU pulls in the system's unicode/ headers, which clash with the copy
   Foundation ships. Nothing here touches the ICU converter fields, so leave them out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* libxml2's xmlFree is a global function pointer, which Swift 6 rejects as shared mutable
   state; calling it through an inline function keeps the access in C. */
static inline void retold_xml_free(void *pointer) { xmlFree(pointer); }

/* Silences libxml2's default error printing (broken markup is normal on the web). */
static void retold_xml_ignore_error(void *context, const char *message, ...) { (void)context; (void)message; }
static inline void retold_xml_silence(void) {
    xmlSetGenericErrorFunc(NULL, retold_xml_ignore_error);
}

#endif
