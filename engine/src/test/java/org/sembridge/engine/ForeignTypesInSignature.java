package org.sembridge.engine;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.LinkedHashSet;
import java.util.Set;

/// An ArchUnit condition: a member's signature (field type; return, parameter and thrown types
/// with their type arguments) names no type of the given package, e.g. `ai.djl`.
final class ForeignTypesInSignature extends ArchCondition<JavaMember> {

    private final String packagePrefix;

    ForeignTypesInSignature(String packagePrefix) {
        super("not name " + packagePrefix + " types in their signature");
        this.packagePrefix = packagePrefix;
    }

    @Override
    public void check(JavaMember member, ConditionEvents events) {
        Set<JavaClass> types = new LinkedHashSet<>();
        if (member instanceof JavaField field) {
            types.addAll(field.getType().getAllInvolvedRawTypes());
        }
        if (member instanceof JavaCodeUnit codeUnit) {
            types.addAll(codeUnit.getReturnType().getAllInvolvedRawTypes());
            for (JavaType parameter : codeUnit.getParameterTypes()) {
                types.addAll(parameter.getAllInvolvedRawTypes());
            }
            types.addAll(codeUnit.getExceptionTypes());
        }
        for (JavaClass type : types) {
            if (type.getPackageName().equals(packagePrefix) || type.getPackageName().startsWith(packagePrefix + ".")) {
                events.add(SimpleConditionEvent.violated(member,
                        member.getFullName() + " names " + type.getName() + " in its public signature"));
            }
        }
    }
}
