package dev.idun.config;

/**
 * Key casing of a JSON document: the admin API speaks camelCase for most models, the database and the config file
 * store snake_case.
 */
public enum Casing {
    CAMEL,
    SNAKE;

    /** The key for a field whose canonical (camelCase) name is given. */
    public String key(String camelName) {
        return this == CAMEL ? camelName : toSnake(camelName);
    }

    public static String toSnake(String camelName) {
        StringBuilder snake = new StringBuilder(camelName.length() + 4);
        for (int i = 0; i < camelName.length(); i++) {
            char c = camelName.charAt(i);
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
