package org.sbi4j.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.sbi4j.common.TaskRunner;

/**
 * Runs tasks in this thread after a Java-serialization round trip of the task, each input and each
 * result, as a Spark executor receives them (transient fields arrive empty).
 */
final class SerializingRunner implements TaskRunner {
  @Override
  public <T extends Serializable, R extends Serializable> List<R> map(
      List<T> inputs, Task<T, R> task) {
    List<R> out = new ArrayList<>();
    for (T input : inputs) {
      try {
        out.add(copy(copy(task).apply(copy(input))));
      } catch (Exception e) {
        throw new IllegalStateException("a task failed: " + e, e);
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static <V> V copy(V value) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
        o.writeObject(value);
      }
      try (ObjectInputStream i =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (V) i.readObject();
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new UncheckedIOException(new IOException("not serializable: " + e, e));
    }
  }

  @Override
  public int parallelism() {
    return 1;
  }

  @Override
  public void close() {}
}
