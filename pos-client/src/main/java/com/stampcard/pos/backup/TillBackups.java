package com.stampcard.pos.backup;

import com.stampcard.store.StoreDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The till database's backups: zip files made by H2's online {@code BACKUP TO} while the till runs,
 * named by the time they were made ({@code till-20261124T053000Z.zip}), the newest {@code keep}
 * kept. Restoring puts a backup's database file in place of the till's, which must be closed.
 */
public final class TillBackups {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final String PREFIX = "till-";
  private static final String SUFFIX = ".zip";

  private final Path database;
  private final Path folder;
  private final int keep;
  private final Clock clock;

  /**
   * @param database the till's H2 database, without {@code .mv.db}
   * @param folder where backups go
   * @param keep how many backups to keep, 1 or more
   */
  public TillBackups(Path database, Path folder, int keep, Clock clock) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep at least one backup, not " + keep);
    }
    this.database = database.toAbsolutePath().normalize();
    this.folder = folder.toAbsolutePath().normalize();
    this.keep = keep;
    this.clock = clock;
  }

  /** The default folder: {@code backups} next to the database. */
  public static Path folderNextTo(Path database) {
    return database.toAbsolutePath().normalize().resolveSibling("backups");
  }

  public Path folder() {
    return folder;
  }

  /**
   * Backs the database up now and deletes backups beyond the newest {@code keep}. Safe while the
   * till runs: H2 copies a consistent state of the open database.
   *
   * @return the new backup
   * @throws BackupException if the backup could not be written
   */
  public Path backUp() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Path target = folder.resolve(PREFIX + STAMP.format(now) + SUFFIX);
    Path partial = folder.resolve(target.getFileName() + ".part");
    try {
      Files.createDirectories(folder);
      Files.deleteIfExists(partial);
      try (Connection c = DriverManager.getConnection(StoreDatabase.h2Url(database), "sa", "");
          Statement s = c.createStatement()) {
        s.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
      }
      // a half-written backup never has a backup's name
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | SQLException e) {
      throw new BackupException(
          "The till database could not be backed up to " + folder + ": " + e.getMessage(), e);
    }
    prune();
    return target;
  }

  /** The backups in the folder, newest first. */
  public List<Path> backups() {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(p -> madeAt(p).isPresent())
          .sorted(Comparator.comparing((Path p) -> madeAt(p).orElseThrow()).reversed())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("can't list the backups in " + folder, e);
    }
  }

  /** When the newest backup was made, if there is one. */
  public Optional<Instant> newest() {
    return backups().stream().findFirst().flatMap(TillBackups::madeAt);
  }

  /** The time in a backup's name; empty for a file that is not a backup. */
  static Optional<Instant> madeAt(Path file) {
    String name = file.getFileName().toString();
    if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          Instant.from(
              STAMP.parse(name.substring(PREFIX.length(), name.length() - SUFFIX.length()))));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  private void prune() {
    List<Path> all = backups();
    List<String> failed = new ArrayList<>();
    for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
      try {
        Files.deleteIfExists(old);
      } catch (IOException e) {
        failed.add(old + " (" + e.getMessage() + ")");
      }
    }
    if (!failed.isEmpty()) {
      throw new BackupException("Old backups could not be deleted: " + String.join(", ", failed));
    }
  }

  /**
   * Puts a backup in place of the till's database. The till must not be running. The database that
   * was there is kept beside it as {@code till.mv.db.before-restore-TIME}.
   *
   * @return the kept previous database file, if there was one
   * @throws BackupException if the till is running, or the file is not a till backup
   */
  public static Optional<Path> restore(Path backup, Path database, Clock clock) {
    Path base = database.toAbsolutePath().normalize();
    Path file = base.resolveSibling(base.getFileName() + ".mv.db");
    String entryName = file.getFileName().toString();
    Path incoming = file.resolveSibling(entryName + ".restoring");
    try {
      Files.createDirectories(file.getParent());
      if (!extract(backup, entryName, incoming)) {
        throw new BackupException(
            backup + " is not a backup of this till's database: it holds no " + entryName);
      }
      Optional<Path> previous = Optional.empty();
      if (Files.exists(file)) {
        refuseWhileOpen(file);
        Path kept =
            file.resolveSibling(entryName + ".before-restore-" + STAMP.format(clock.instant()));
        Files.move(file, kept);
        previous = Optional.of(kept);
      }
      Files.move(incoming, file, StandardCopyOption.ATOMIC_MOVE);
      return previous;
    } catch (IOException e) {
      throw new BackupException("Could not restore " + backup + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(incoming);
      } catch (IOException e) {
        // left for IT to delete; the restore itself went as reported
      }
    }
  }

  private static boolean extract(Path zip, String entryName, Path to) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (Path.of(e.getName()).getFileName().toString().equals(entryName)) {
          copy(in, to);
          return true;
        }
      }
    }
    return false;
  }

  private static void copy(InputStream in, Path to) throws IOException {
    Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
  }

  /** H2 holds an operating-system lock on the file while a till has it open. */
  private static void refuseWhileOpen(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new BackupException(running(file));
      }
      lock.release();
    } catch (OverlappingFileLockException e) {
      throw new BackupException(running(file), e);
    }
  }

  private static String running(Path file) {
    return "The till has " + file + " open: close the till, then restore.";
  }
}
