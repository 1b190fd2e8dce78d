package org.sembridge.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.Instruction;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/// The ArchUnit condition behind the rule "content-derived paths go through
/// `FolderConfinement`": no code unit may both take a string out of parsed JSON and make a path
/// from a string that is not a constant.
///
/// - **Takes a string out of JSON**: calls Gson's `getAsString`, or calls an engine method that
///   returns a `String`, `Optional` or `List` and itself takes a string out of JSON (closed
///   transitively, so `JsonFile.optString` and private `string(...)` helpers count).
/// - **Makes a path from a non-constant string** (in the method or a lambda written in it): `Path.resolve(String)` or
///   `Path.resolveSibling(String)` whose argument is not a string literal (read from the
///   bytecode with the `java.lang.classfile` API: the instruction before the call is not an
///   `ldc` of a string), or any `Path.of(String, String...)`, `Paths.get` or `new File(String)`.
///
/// A method that needs both routes the string through `FolderConfinement.resolve` (confined) or
/// `FolderConfinement.relativeToFile` (user-written configuration). The check is per code unit:
/// a string handed to another method as a plain parameter is not followed; that limit is
/// stated in the rule's `because`.
final class ContentDerivedPaths extends ArchCondition<JavaCodeUnit> {

    private static final String PATH = "java/nio/file/Path";
    private static final String RESOLVE = "(Ljava/lang/String;)Ljava/nio/file/Path;";

    private final Set<String> jsonStringSources = new HashSet<>();

    ContentDerivedPaths(JavaClasses classes) {
        super("take a string out of parsed JSON and make a path from a non-constant string in the same code unit");
        boolean grew = true;
        while (grew) {
            grew = false;
            for (JavaClass owner : classes) {
                for (JavaCodeUnit unit : owner.getCodeUnits()) {
                    if (!jsonStringSources.contains(unit.getFullName()) && returnsStrings(unit) && readsJsonStrings(unit)) {
                        grew |= jsonStringSources.add(unit.getFullName());
                    }
                }
            }
        }
    }

    @Override
    public void check(JavaCodeUnit unit, ConditionEvents events) {
        if (!readsJsonStrings(unit)) {
            return;
        }
        Optional<String> sink = nonConstantPathFromString(unit);
        sink.ifPresent(call -> events.add(SimpleConditionEvent.violated(unit, unit.getFullName()
                + " reads strings from JSON and makes a path with " + call + "; resolve it through"
                + " FolderConfinement.resolve (paths inside a folder) or FolderConfinement.relativeToFile"
                + " (user-written configuration)")));
    }

    private static boolean returnsStrings(JavaCodeUnit unit) {
        String type = unit.getReturnType().getName();
        return List.of("java.lang.String", "java.util.Optional<java.lang.String>", "java.util.List<java.lang.String>")
                .contains(type);
    }

    private boolean readsJsonStrings(JavaCodeUnit unit) {
        for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
            String owner = call.getTargetOwner().getName();
            if (owner.startsWith("com.google.gson.") && call.getName().equals("getAsString")) {
                return true;
            }
            if (call.getTarget().resolveMember().map(m -> jsonStringSources.contains(m.getFullName())).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /// The first call in `unit` that makes a path from a non-constant string, read from the
    /// class file.
    private static Optional<String> nonConstantPathFromString(JavaCodeUnit unit) {
        ClassModel model = classModel(unit.getOwner());
        String descriptor = unit.getDescriptor();
        for (MethodModel method : model.methods()) {
            boolean self = method.methodName().equalsString(unit.getName()) && method.methodType().equalsString(descriptor);
            boolean lambda = method.methodName().stringValue().startsWith("lambda$" + unit.getName() + "$");
            if (!(self || lambda) || method.code().isEmpty()) {
                continue;
            }
            Instruction previous = null;
            for (CodeElement element : method.code().get()) {
                if (!(element instanceof Instruction instruction)) {
                    continue;
                }
                if (instruction instanceof InvokeInstruction invoke) {
                    String sink = sink(invoke, previous);
                    if (sink != null) {
                        return Optional.of(sink);
                    }
                }
                previous = instruction;
            }
        }
        return Optional.empty();
    }

    private static String sink(InvokeInstruction invoke, Instruction previous) {
        String owner = invoke.owner().asInternalName();
        String name = invoke.name().stringValue();
        String type = invoke.type().stringValue();
        boolean constantArgument = previous instanceof ConstantInstruction constant
                && constant.constantValue() instanceof String;
        if (owner.equals(PATH) && (name.equals("resolve") || name.equals("resolveSibling")) && type.equals(RESOLVE)) {
            return constantArgument ? null : "Path." + name + "(String)";
        }
        if (owner.equals(PATH) && name.equals("of") && type.startsWith("(Ljava/lang/String;")) {
            return "Path.of(String...)";
        }
        if (owner.equals("java/nio/file/Paths") && name.equals("get")) {
            return "Paths.get";
        }
        if (owner.equals("java/io/File") && name.equals("<init>") && type.contains("Ljava/lang/String;")) {
            return "new File(String)";
        }
        return null;
    }

    private static ClassModel classModel(JavaClass owner) {
        String resource = owner.getName().replace('.', '/') + ".class";
        try (InputStream in = ContentDerivedPaths.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("class file not found: " + resource);
            }
            return ClassFile.of().parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
