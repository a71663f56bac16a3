package io.driftwatch.localstack.flink;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Builds job jars from compiled test classes, and the cluster classpath that does not contain them. */
final class JobJars {

    private JobJars() {
    }

    /**
     * Writes a jar with the given classes and all their nested classes, {@code mainClass} in the manifest.
     */
    static Path build(Path jar, Class<?> mainClass, Class<?>... more) throws IOException {
        Path classesRoot = classesRoot(mainClass);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
        List<Class<?>> roots = new ArrayList<>(List.of(mainClass));
        roots.addAll(List.of(more));
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Class<?> root : roots) {
                Path dir = classesRoot.resolve(root.getPackageName().replace('.', '/'));
                String prefix = root.getSimpleName();
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path cls : files.filter(p -> isClassOrNested(p.getFileName().toString(), prefix)).sorted().toList()) {
                        out.putNextEntry(new JarEntry(classesRoot.relativize(cls).toString().replace(File.separatorChar, '/')));
                        Files.copy(cls, out);
                        out.closeEntry();
                    }
                }
            }
        }
        return jar;
    }

    /**
     * This JVM's classpath without the test classes, expanding the manifest-only booter jar that
     * surefire/failsafe put on {@code java.class.path}: jobs must bring their classes in their jar.
     */
    static String clusterClasspathWithoutTestClasses() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.addAll(expand(entry));
        }
        return String.join(File.pathSeparator, entries.stream().filter(e -> !e.contains("test-classes")).toList());
    }

    private static List<String> expand(String entry) throws IOException {
        if (!entry.endsWith(".jar")) {
            return List.of(entry);
        }
        try (JarFile jar = new JarFile(entry)) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null || jar.size() > 1) {
                return List.of(entry); // a real library, not a manifest-only jar
            }
            List<String> expanded = new ArrayList<>();
            for (String url : classPath.trim().split("\\s+")) {
                expanded.add(Path.of(new URL(Path.of(entry).toUri().toURL(), url).toURI()).toString());
            }
            return expanded;
        } catch (URISyntaxException e) {
            throw new IOException("bad Class-Path entry in " + entry, e);
        }
    }

    private static boolean isClassOrNested(String fileName, String simpleName) {
        return fileName.equals(simpleName + ".class") || fileName.startsWith(simpleName + "$") && fileName.endsWith(".class");
    }

    private static Path classesRoot(Class<?> cls) throws IOException {
        try {
            return Path.of(cls.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
