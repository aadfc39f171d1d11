package io.cnvision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Fails when a catalog operation has no typed method (or a method names no operation). */
class OperationCoverageTest {
    @Test
    void everyCatalogOperationHasExactlyOneTypedMethod() {
        List<String> annotated = new ArrayList<String>();
        for (Method m : CnvisionClient.class.getMethods()) {
            OperationId id = m.getAnnotation(OperationId.class);
            if (id != null) {
                assertTrue(Modifier.isPublic(m.getModifiers()), m.toString());
                assertEquals(CallResult.class, m.getReturnType(), m.toString());
                annotated.add(id.value());
            }
        }
        List<String> catalog = new ArrayList<String>(Catalog.operationIds());
        assertEquals(new TreeSet<String>(catalog).size(), catalog.size(), "catalog ids are unique");
        Collections.sort(catalog);
        Collections.sort(annotated);
        assertEquals(catalog, annotated,
                "regenerate: cargo run -q -p cnvision-jni --example catalog_json | python3 bindings/java/codegen/gen_operations.py");
        assertEquals(catalog.size(), GeneratedOperations.OPERATION_COUNT);
    }
}
