package org.fastdfs.storage;

import io.smallrye.config.WithDefault;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

/** A {@link StorageConfig} for plain unit tests: the {@code @WithDefault} values, with some replaced. */
public final class TestConfigs {

    private TestConfigs() {
    }

    /** The config with {@code overrides} (by method name, e.g. {@code "basePath"}) and defaults elsewhere. */
    public static StorageConfig storage(Map<String, Object> overrides) {
        return (StorageConfig) Proxy.newProxyInstance(StorageConfig.class.getClassLoader(),
                new Class<?>[] {StorageConfig.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "toString" -> "TestConfig" + overrides;
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> proxy == args[0];
                        };
                    }
                    Object value = overrides.get(method.getName());
                    if (method.getReturnType() == Optional.class) {
                        return Optional.ofNullable(value);
                    }
                    return value != null ? value : defaultOf(method);
                });
    }

    private static Object defaultOf(Method method) {
        WithDefault d = method.getAnnotation(WithDefault.class);
        if (d == null) {
            throw new IllegalStateException(method.getName() + " has no default: give it in the overrides");
        }
        Class<?> type = method.getReturnType();
        if (type == int.class) {
            return Integer.parseInt(d.value());
        }
        if (type == long.class) {
            return Long.parseLong(d.value());
        }
        if (type == boolean.class) {
            return Boolean.parseBoolean(d.value());
        }
        return d.value();
    }
}
