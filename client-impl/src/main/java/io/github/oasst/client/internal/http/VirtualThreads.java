package io.github.oasst.client.internal.http;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.jspecify.annotations.Nullable;

/**
 * Virtual threads, found at run time: the client is Java 17 bytecode, and on Java 21 and later it
 * reaches {@code Thread.ofVirtual()} and {@code Executors.newThreadPerTaskExecutor} through method
 * handles. On Java 17 to 20 (where they are absent, or a preview feature) {@link #available()} is
 * false. The handles are looked up once per class loader and never change.
 */
public final class VirtualThreads {
    /** The first Java release where virtual threads are a final feature. */
    static final int FIRST_RELEASE = 21;

    private static final @Nullable Handles HANDLES = Handles.find();

    private VirtualThreads() {}

    /** Whether this JVM has virtual threads (Java 21 and later). */
    public static boolean available() {
        return HANDLES != null;
    }

    /**
     * An executor that starts a new virtual thread for each task, the threads named {@code
     * <prefix>1}, {@code <prefix>2}, …; its {@code shutdown()} refuses new tasks.
     *
     * @throws IllegalStateException when this JVM has no virtual threads ({@link #available()})
     */
    public static ExecutorService perTaskExecutor(String namePrefix) {
        Handles handles = HANDLES;
        if (handles == null) {
            throw new IllegalStateException("virtual threads need Java " + FIRST_RELEASE + " or later, this is Java "
                    + Runtime.version().feature());
        }
        try {
            Object builder = (Object) handles.ofVirtual.invokeExact();
            builder = (Object) handles.name.invokeExact(builder, namePrefix, 1L);
            ThreadFactory factory = (ThreadFactory) handles.factory.invokeExact(builder);
            return (ExecutorService) handles.perTaskExecutor.invokeExact(factory);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("could not make a virtual-thread executor", e);
        }
    }

    /** The four handles, each typed with {@code Object} in place of the builder types of Java 21. */
    private record Handles(
            MethodHandle ofVirtual, MethodHandle name, MethodHandle factory, MethodHandle perTaskExecutor) {

        /** The handles, or null before Java 21 (or if the JVM refuses them). */
        static @Nullable Handles find() {
            if (Runtime.version().feature() < FIRST_RELEASE) {
                return null; // on 19 and 20 the methods exist, as a preview that fails unless enabled
            }
            try {
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                Class<?> builder = Class.forName("java.lang.Thread$Builder");
                Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
                Handles handles = new Handles(
                        lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual))
                                .asType(MethodType.methodType(Object.class)),
                        lookup.findVirtual(
                                        ofVirtual, "name", MethodType.methodType(ofVirtual, String.class, long.class))
                                .asType(MethodType.methodType(Object.class, Object.class, String.class, long.class)),
                        lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class))
                                .asType(MethodType.methodType(ThreadFactory.class, Object.class)),
                        lookup.findStatic(
                                Executors.class,
                                "newThreadPerTaskExecutor",
                                MethodType.methodType(ExecutorService.class, ThreadFactory.class)));
                Object test = (Object) handles.ofVirtual.invokeExact(); // fails if the JVM has them off
                return test == null ? null : handles;
            } catch (Error e) {
                throw e;
            } catch (Throwable e) {
                return null; // not there, or refused: the client runs on platform threads
            }
        }
    }
}
